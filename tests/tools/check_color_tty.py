#!/usr/bin/python3
"""Checks `fineprint lint`'s colours through a real terminal (issue 18): the
command runs in a detached tmux session (its own server, removed after),
and `tmux capture-pane -e` shows the cells' colours as escape sequences.

usage: check_color_tty.py FINEPRINT SOURCE_DIR

- `--color auto` on a terminal: coloured (the severity red, bold);
- `--color auto` on a terminal with NO_COLOR=1: no colour;
- `--color never` on a terminal: no colour;
- piped (not a terminal): no colour, unless FORCE_COLOR=1 or --color always.

Exit 0: passed; 1: failed (also when tmux is missing: `make deps`).
"""
import os
import shlex
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tools_support import arguments, debian_tool, fail, finish  # noqa: E402

FIXTURE = "tests/lint/time/end-at-2359/fires.toml"
def on_terminal(exe, source, env_text, args):
    """What the pane shows after `env ENV fineprint lint ARGS`, with colours."""
    on_terminal.runs = getattr(on_terminal, "runs", 0) + 1
    socket = f"fineprint-color-{os.getpid()}-{on_terminal.runs}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    command = (f"cd {shlex.quote(str(source))} && env {env_text} {shlex.quote(exe)} lint "
               f"{' '.join(shlex.quote(a) for a in args)}; tmux -L {socket} wait-for -S done; "
               "sleep 60")
    try:
        started = subprocess.run([*tmux, "new-session", "-d", "-x", "200", "-y", "50", "-s", "t",
                                  "bash", "--noprofile", "--norc", "-c", command],
                                 capture_output=True, text=True,
                                 env={k: v for k, v in os.environ.items() if k != "TMUX"})
        if started.returncode != 0:
            sys.exit(f"FAIL: tmux new-session: {started.stderr.strip()}")
        subprocess.run([*tmux, "wait-for", "done"], check=True, timeout=60)
        return subprocess.run([*tmux, "capture-pane", "-e", "-p", "-t", "t"], check=True,
                              capture_output=True, text=True).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def piped(exe, source, env, args):
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([exe, "lint", *args], cwd=source, capture_output=True, text=True,
                          env={**full, **env}).stdout


def main():
    exe, source = arguments(__doc__)
    debian_tool("tmux", "tmux")
    clean_env = "-u NO_COLOR -u FORCE_COLOR TERM=xterm-256color"
    shown = on_terminal(exe, source, clean_env, [FIXTURE])
    if "warning" not in shown:
        fail(f"the pane does not show the finding:\n{shown}")
    elif "\x1b[" not in shown:
        fail("--color auto on a terminal: no colour in the pane")
    for label, env_text, args in (("NO_COLOR=1", clean_env + " NO_COLOR=1", [FIXTURE]),
                                  ("--color never", clean_env, ["--color", "never", FIXTURE])):
        shown = on_terminal(exe, source, env_text, args)
        if "warning" not in shown or "\x1b[" in shown:
            fail(f"{label} on a terminal: expected the finding without colour:\n{shown!r}")
    if "\x1b[" in piped(exe, source, {}, [FIXTURE]):
        fail("--color auto into a pipe: coloured")
    for label, env, args in (("FORCE_COLOR=1", {"FORCE_COLOR": "1"}, [FIXTURE]),
                             ("--color always", {}, ["--color", "always", FIXTURE])):
        if "\x1b[" not in piped(exe, source, env, args):
            fail(f"{label} into a pipe: no colour")
    if "\x1b[" in piped(exe, source, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, [FIXTURE]):
        fail("NO_COLOR=1 with FORCE_COLOR=1: coloured (NO_COLOR wins)")
    return finish("colour: on a terminal by default, not with NO_COLOR or --color never; "
                  "in a pipe only with FORCE_COLOR or --color always")


if __name__ == "__main__":
    sys.exit(main())
