#!/usr/bin/python3
"""Rewrites the expected outputs of the golden claim cases (tests/claims/*/)
from the executable, after an intended change (a rulebook's bytes, and so
its digest; a new wording). Read the diff before committing it: each changed
line must be the change you meant.

  tests/claims/regenerate.py FINEPRINT [CASE...]

The flags are golden_claims_test.cpp's: text, json and, where the case has
expected-explain.txt, text with --explain; TZ=UTC, stderr dropped.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "claims"
FORMATS = {"expected.txt": ["--format", "text"], "expected.json": ["--format", "json"],
           "expected-explain.txt": ["--format", "text", "--explain"]}


def rules_of(case):
    if (case / "rulebook.toml").exists():
        return str(case / "rulebook.toml")
    return str(ROOT / (case / "rules").read_text().strip())


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    fineprint, wanted = argv[1], set(argv[2:])
    env = dict(os.environ, TZ="UTC")
    for case in sorted(p for p in HERE.iterdir() if (p / "claim.toml").exists()):
        if wanted and case.name not in wanted:
            continue
        for name, flags in FORMATS.items():
            if name == "expected-explain.txt" and not (case / name).exists():
                continue
            out = subprocess.run([fineprint, "resolve", "--rules", rules_of(case), *flags,
                                  str(case / "claim.toml")], env=env, capture_output=True)
            (case / name).write_bytes(out.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
