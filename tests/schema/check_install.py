#!/usr/bin/python3
"""Installs fineprint into a fresh prefix and runs the installed copy.

  check_install.py CMAKE BUILD_DIR SOURCE_DIR PREFIX

`cmake --install BUILD_DIR --prefix PREFIX` (PREFIX is emptied first), then
checks the layout (bin/fineprint, share/fineprint/schemas/*.schema.json,
share/man/man1/fineprint.1.gz, the shell completion scripts as `fineprint
completion` prints them) and runs PREFIX/bin/fineprint: --version, lint on
a fixture (exit 1 with the expected finding), schema rulebook (the installed
file's bytes).
"""

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    cmake, build, source, prefix = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    shutil.rmtree(prefix, ignore_errors=True)
    proc = subprocess.run([cmake, "--install", str(build), "--prefix", str(prefix)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr)
        print("FAIL: cmake --install failed")
        return 1

    exe = prefix / "bin" / "fineprint"
    check(exe.is_file() and os.access(exe, os.X_OK), f"{exe} is not an executable")
    schemas = sorted(p.name for p in (source / "schemas").glob("*.schema.json"))
    installed = sorted(p.name for p in (prefix / "share" / "fineprint" / "schemas").glob("*.json"))
    check(installed == schemas, f"installed schemas {installed}, expected {schemas}")
    man = prefix / "share" / "man" / "man1" / "fineprint.1.gz"
    check(man.is_file() and b"\n.TH FINEPRINT 1 " in gzip.decompress(man.read_bytes()),
          f"{man} missing or not a gzipped man page")
    for place, shell in (("bash-completion/completions/fineprint", "bash"),
                         ("zsh/vendor-completions/_fineprint", "zsh"),
                         ("fish/vendor_completions.d/fineprint.fish", "fish")):
        printed = subprocess.run([exe, "completion", shell], capture_output=True).stdout
        script = prefix / "share" / place
        check(script.is_file() and script.read_bytes() == printed,
              f"{script} missing or not what `fineprint completion {shell}` prints")
    if failures:
        return 1

    env = {**os.environ, "TZ": "UTC"}
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, env=env)
    check(version.returncode == 0 and version.stdout.startswith("fineprint "),
          f"--version: {version.returncode} {version.stdout!r}")
    fixture = "tests/lint/time/end-at-2359/fires.toml"
    lint = subprocess.run([exe, "lint", "--fail-on", "warning", fixture], cwd=source,
                          capture_output=True, text=True, env=env)
    check(lint.returncode == 1 and "warning[time/end-at-2359]" in lint.stdout,
          f"lint {fixture}: exit {lint.returncode}, output {lint.stdout[:300]!r}")
    schema = subprocess.run([exe, "schema", "rulebook"], capture_output=True, env=env)
    expected = (prefix / "share" / "fineprint" / "schemas" / "rulebook.schema.json").read_bytes()
    check(schema.returncode == 0 and schema.stdout == expected,
          "`schema rulebook` differs from the installed rulebook.schema.json")
    if not failures:
        print(f"installed into {prefix}: bin/fineprint runs, {len(installed)} schemas, man page")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
