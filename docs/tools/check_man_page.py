#!/usr/bin/python3
"""Holds docs/fineprint.1 to the executable's own option tables (issue 18):
the man page is written by hand, and this check is what keeps it from
falling behind `--help`, which Boost.Program_options prints from the tables
the commands parse with.

usage: check_man_page.py FINEPRINT SOURCE_DIR

- every command of `fineprint --help` has an entry in COMMANDS;
- every option of `fineprint CMD --help` is in the page (`\\-\\-name`), except
  the positional ones, which the usage line names in capitals (PATH, CLAIM);
- every `\\-\\-name` in the page is an option of some command (or
  --help/--version);
- `man --warnings` has nothing to say about it, and its date is YYYY-MM-DD.

Exit 0: passed; 1: failed.
"""
import re
import subprocess
import sys
from pathlib import Path


# A command whose options belong to its one subcommand (`claim new`).
SUBCOMMANDS = {"claim": ["claim", "new"]}
# Positional arguments whose option name no usage line spells (`diff OLD NEW`
# takes both as --side).
POSITIONAL = {"diff": {"side"}}


def options(exe, command):
    """(long option names, the usage line) of `fineprint COMMAND --help`."""
    argv = [exe, *SUBCOMMANDS.get(command, [command]), "--help"]
    text = subprocess.run(argv, capture_output=True, text=True).stdout
    usage = text.splitlines()[0] if text else ""
    names = re.findall(r"^\s+(?:-\w \[ )?--([a-z][a-z-]*)", text, re.M)
    return set(names), usage


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    exe, source = sys.argv[1], Path(sys.argv[2])
    page = (source / "docs" / "fineprint.1").read_text(encoding="utf-8")
    problems = []
    listing = subprocess.run([exe, "--help"], capture_output=True, text=True).stdout
    commands = re.findall(r"^  ([a-z]+) ", listing.split("commands:")[1], re.M)
    in_page = set(re.findall(r"\\-\\-([a-z]+(?:\\-[a-z]+)*)", page))
    in_page = {name.replace("\\-", "-") for name in in_page}
    known = {"help", "version"}
    for command in commands:
        if not re.search(rf"^\.B[IR]? \"?{re.escape(command)}\b", page, re.M):
            problems.append(f"the command `{command}` has no entry in COMMANDS")
        names, usage = options(exe, command)
        known |= names
        for name in sorted(names - {"help"}):
            if name.upper() in usage or name in POSITIONAL.get(command, set()):
                continue  # positional: the usage line names it (PATH, CLAIM...)
            if name not in in_page:
                problems.append(f"`fineprint {command} --{name}` is not in docs/fineprint.1")
    for name in sorted(in_page - known):
        problems.append(f"docs/fineprint.1 documents --{name}, which no command has")
    date = re.match(r'\.TH \S+ \d+ "?(\d{4}-\d{2}-\d{2})"? ', page)
    if date is None:
        problems.append("the .TH line's date is not YYYY-MM-DD")
    warnings = subprocess.run(["man", "--warnings", "-l", "-Tutf8", "-Z",
                               str(source / "docs" / "fineprint.1")],
                              capture_output=True, text=True, env={"LC_ALL": "C.UTF-8",
                                                                   "MANWIDTH": "80",
                                                                   "PATH": "/usr/bin:/bin"})
    if warnings.stderr.strip():
        problems.append(f"man --warnings: {warnings.stderr.strip()[:500]}")
    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        return 1
    print(f"docs/fineprint.1: {len(commands)} commands, {len(known)} options, as --help has them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
