#!/usr/bin/python3
"""Checks `fineprint lint --format sarif` with Microsoft's SARIF multitool
(issue 18), the pinned npm package `make deps` installs into tools/.

usage: check_sarif_multitool.py FINEPRINT SOURCE_DIR

One SARIF log of every lint fixture (tests/lint/), the report fixtures of
tests/schema/fixtures/lint/ and the bundled rules/, written from SOURCE_DIR
as a CI job writes it, then:

1. `sarif-multitool validate` must report no error and no warning;
2. `sarif-multitool rewrite --insert RegionSnippets` must give every result
   with a region a snippet that is exactly the flagged text: the characters
   from the finding's start up to, not including, its end (the JSON report's
   line, column, end_line, end_column), read from the file by this script;
   for a point (end == start: a syntax error's position), the character at
   it, as the text output's caret marks it.

Exit 0: passed; 1: failed (also when the multitool is missing: `make deps`).
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "schema"))
from check_reports import inputs  # noqa: E402
from tools_support import arguments, code_point_slice, fail, finish, npm_tool  # noqa: E402

def lint(exe, source, fmt, paths):
    proc = subprocess.run([exe, "lint", "--format", fmt, *paths], cwd=source,
                          capture_output=True, env={**os.environ, "TZ": "UTC"})
    if proc.returncode not in (0, 1):
        sys.exit(f"FAIL: lint --format {fmt} exited {proc.returncode}: "
                 f"{proc.stderr.decode(errors='replace')}")
    return proc.stdout.decode("utf-8")


def multitool(tool, source, *args):
    # From the source directory: the log's paths are relative to it (%SRCROOT%).
    proc = subprocess.run([tool, *args], cwd=source, capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr)
        sys.exit(f"FAIL: sarif-multitool {args[0]} exited {proc.returncode}")


def check_validate(tool, source, log_path, tmp):
    out = Path(tmp) / "validation.sarif"
    multitool(tool, source, "validate", str(log_path), "--output", str(out), "--log", "ForceOverwrite")
    validation = json.loads(out.read_text(encoding="utf-8"))
    problems = [r for run in validation["runs"] for r in run.get("results", [])
                if r.get("level", "warning") in ("error", "warning")]
    for problem in problems:
        fail(f"validate: {problem.get('ruleId')} {problem.get('level', 'warning')}: "
             f"{problem['message'].get('text', problem['message'])}")
    return len(problems)


def check_snippets(tool, source, log_path, findings, tmp):
    out = Path(tmp) / "snippets.sarif"
    multitool(tool, source, "rewrite", str(log_path), "--output", str(out), "--log",
              "ForceOverwrite", "--insert", "RegionSnippets")
    results = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    if len(results) != len(findings):
        fail(f"{len(results)} SARIF results for {len(findings)} JSON findings")
        return 0
    checked = 0
    texts = {}
    for result, finding in zip(results, findings):
        if finding["line"] == 0:
            continue
        label = f"{finding['file']}:{finding['line']}:{finding['column']}: {finding['rule']}"
        region = result["locations"][0]["physicalLocation"]["region"]
        if finding["file"] not in texts:
            texts[finding["file"]] = (source / finding["file"]).read_text(
                encoding="utf-8").splitlines(keepends=True)
        end_line, end_column = finding["end_line"], finding["end_column"]
        if (end_line, end_column) <= (finding["line"], finding["column"]):
            # A point (a syntax error's position) flags the character at it.
            end_line, end_column = finding["line"], finding["column"] + 1
        expected = code_point_slice(texts[finding["file"]], finding["line"], finding["column"],
                                    end_line, end_column)
        snippet = region.get("snippet", {}).get("text")
        if snippet != expected:
            fail(f"{label}: the multitool's snippet is {snippet!r}, the flagged text {expected!r}")
        checked += 1
    return checked


def main():
    exe, source = arguments(__doc__)
    tool = npm_tool(source, "sarif-multitool")
    paths = inputs(source)
    findings = json.loads(lint(exe, source, "json", paths))["findings"]
    with tempfile.TemporaryDirectory() as tmp:
        log_path = Path(tmp) / "fineprint.sarif"
        log_path.write_text(lint(exe, source, "sarif", paths), encoding="utf-8")
        check_validate(tool, source, log_path, tmp)
        checked = check_snippets(tool, source, log_path, findings, tmp)
    return finish(f"sarif-multitool: {len(paths)} rulebooks, {len(findings)} results "
                  f"validate; {checked} region snippets are the flagged text")


if __name__ == "__main__":
    sys.exit(main())
