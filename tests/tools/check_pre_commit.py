#!/usr/bin/python3
"""Runs fineprint's hooks with the real pre-commit (issue 18): a rulebook
repository that names this checkout as its hook repository, the way a store
would (`repo:` + `rev:`), through `pre-commit try-repo`.

usage: check_pre_commit.py FINEPRINT SOURCE_DIR

- on a copy of the bundled rules/ (lint-clean, every rule tested), both hooks
  (fineprint-lint, fineprint-test) pass;
- after a planted mistake (an `ends` at 23:59:59, a lint warning), the
  fineprint-lint hook fails and says why.

The hooks use `language: system`, so the executable under test is put first
on PATH; pre-commit clones this checkout (try-repo takes its uncommitted
state too), so nothing is fetched from the network.

Exit 0: passed; 1: failed (also when pre-commit is missing: `make deps`).
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tools_support import arguments, debian_tool, fail, finish  # noqa: E402


def run(args, cwd, env):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)


def hook(repo, source, env, hook_id):
    """`pre-commit try-repo SOURCE HOOK --all-files` in `repo`."""
    return run(["pre-commit", "try-repo", str(source), hook_id, "--all-files"], repo, env)


def main():
    exe, source = arguments(__doc__)
    debian_tool("pre-commit", "pre-commit")
    debian_tool("git", "git")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        repo = work / "store"
        shutil.copytree(source / "rules", repo / "rules")
        bin_dir = work / "bin"
        bin_dir.mkdir()
        (bin_dir / "fineprint").symlink_to(exe)
        env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", HOME=str(work),
                   PRE_COMMIT_HOME=str(work / "cache"), GIT_AUTHOR_NAME="t",
                   GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
                   GIT_COMMITTER_EMAIL="t@example.com", TZ="UTC")
        for args in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "rules"]):
            done = run(args, repo, env)
            if done.returncode != 0:
                sys.exit(f"FAIL: {' '.join(args)}: {done.stderr.strip()}")
        for hook_id in ("fineprint-lint", "fineprint-test"):
            result = hook(repo, source, env, hook_id)
            if result.returncode != 0:
                fail(f"{hook_id} fails on the bundled rules:\n{result.stdout}{result.stderr}")
        promotions = sorted((repo / "rules").glob("*.toml"))
        planted = next(p for p in promotions if "[[promotion]]" in p.read_text(encoding="utf-8"))
        text = planted.read_text(encoding="utf-8")
        at = text.index("[[promotion]]")
        text = (text[:at] + '[[promotion]]\nid = "PLANTED"\ntitle = "Planted"\n'
                'starts = 2026-12-01\nends = 2026-12-31T23:59:59\npercent_off = "5"\n'
                'products = { categories = ["tents"] }\n\n' + text[at:])
        planted.write_text(text, encoding="utf-8")
        run(["git", "add", "."], repo, env)
        result = hook(repo, source, env, "fineprint-lint")
        output = result.stdout + result.stderr
        if result.returncode == 0:
            fail(f"fineprint-lint passes with a planted `ends` at 23:59:59:\n{output}")
        elif "time/end-at-2359" not in output:
            fail(f"fineprint-lint fails without naming time/end-at-2359:\n{output}")
    return finish("pre-commit: both hooks pass on the bundled rules; a planted warning fails")


if __name__ == "__main__":
    sys.exit(main())
