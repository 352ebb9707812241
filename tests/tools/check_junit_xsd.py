#!/usr/bin/python3
"""Checks fineprint's JUnit reports against the Jenkins xUnit plugin's
junit-10.xsd (this folder; README.md says where it comes from) with xmllint,
the way Jenkins reads them (issue 18).

usage: check_junit_xsd.py FINEPRINT SOURCE_DIR

- `lint --format junit` of every lint fixture, the report fixtures and rules/,
  with the default --fail-on error and with --fail-on info: valid; the
  findings that fail the run are <failure>s, the warnings under
  --fail-on error are properties (no red test in a green job), a file that
  is not TOML is an <error>;
- `test --format junit` of a copy of rules/ with one expectation broken and
  one malformed policy test: valid; the broken test is a <failure>, the
  malformed one an <error>, and the totals add up.

Exit 0: passed; 1: failed (also when xmllint is missing: `make deps`).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "schema"))
from check_reports import inputs  # noqa: E402

sys.path.insert(0, str(HERE))
from tools_support import arguments, debian_tool, fail, finish  # noqa: E402

XSD = HERE / "junit-10.xsd"
def run(exe, args, cwd):
    return subprocess.run([exe, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "TZ": "UTC"})


def valid(xml_text, label, tmp):
    path = Path(tmp) / "report.xml"
    path.write_text(xml_text, encoding="utf-8")
    proc = subprocess.run(["xmllint", "--noout", "--schema", str(XSD), str(path)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        fail(f"{label} is not valid against junit-10.xsd:\n{proc.stderr[:2000]}")
        return None
    return ET.fromstring(xml_text.encode("utf-8"))


def count(root, tag):
    return len(root.findall(f".//{tag}"))


def check_lint(exe, source, tmp):
    paths = inputs(source)
    findings = json.loads(run(exe, ["lint", "--format", "json", *paths], source).stdout)["findings"]
    live = [f for f in findings if f["suppressed"] is None]
    parse_errors = sum(f["rule"] == "schema/parse-error" for f in live)
    if parse_errors == 0:
        fail("no input has a TOML syntax error: the <error> case is not exercised")
    for fail_on, failing in (("error", [f for f in live if f["severity"] == "error"]),
                             ("info", live)):
        proc = run(exe, ["lint", "--format", "junit", "--fail-on", fail_on, *paths], source)
        label = f"lint --format junit --fail-on {fail_on}"
        root = valid(proc.stdout, label, tmp)
        if root is None:
            continue
        errors, failed, props = count(root, "error"), count(root, "failure"), count(root, "property")
        if errors != parse_errors or failed != len(failing) - parse_errors:
            fail(f"{label}: {failed} failures and {errors} errors for {len(failing)} failing "
                 f"findings of which {parse_errors} are TOML syntax errors")
        if props != len(live) - len(failing):
            fail(f"{label}: {props} properties for {len(live) - len(failing)} passing findings")
        if (root.get("failures"), root.get("errors")) != (str(failed), str(errors)):
            fail(f"{label}: the testsuites totals do not add up")
        print(f"{label}: valid; {failed} failures, {errors} errors, {props} properties")


def check_test(exe, source, tmp):
    rules = Path(tmp) / "rules"
    shutil.copytree(source / "rules", rules)
    tests = sorted((rules / "tests").glob("*.toml"))
    text = tests[0].read_text(encoding="utf-8")
    wrong = "approved" if 'verdict = "review"' in text else "review"
    text, changed = re.subn(r'(?m)^verdict = "[a-z_]+"', f'verdict = "{wrong}"', text, count=1)
    if not changed:
        text = text.replace("[expect]", f'[expect]\nverdict = "{wrong}"', 1)
    tests[0].write_text(text, encoding="utf-8")
    (rules / "tests" / "zz-malformed.toml").write_text("[claim\nkind = \n", encoding="utf-8")
    proc = run(exe, ["test", "--format", "junit", str(rules)], source)
    if proc.returncode != 1:
        fail(f"test --format junit with a broken and a malformed test: exit {proc.returncode}")
    root = valid(proc.stdout, "test --format junit", tmp)
    if root is None:
        return
    cases = {c.get("name"): c for c in root.iter("testcase")}
    if cases.get(tests[0].stem) is None or cases[tests[0].stem].find("failure") is None:
        fail(f"test --format junit: {tests[0].stem} (an expectation not met) is not a <failure>")
    if cases.get("zz-malformed") is None or cases["zz-malformed"].find("error") is None:
        fail("test --format junit: zz-malformed (not TOML) is not an <error>")
    if (root.get("tests"), root.get("failures"), root.get("errors")) != (
            str(len(tests) + 1), "1", "1"):
        fail(f"test --format junit: totals tests={root.get('tests')} failures="
             f"{root.get('failures')} errors={root.get('errors')}, expected "
             f"{len(tests) + 1}, 1, 1")
    print(f"test --format junit: valid; {len(cases)} testcases, 1 failure, 1 error")
    passing = run(exe, ["test", "--format", "junit", "rules"], source)
    valid(passing.stdout, "test --format junit of rules/", tmp)


def main():
    exe, source = arguments(__doc__)
    debian_tool("xmllint", "libxml2-utils")
    with tempfile.TemporaryDirectory() as tmp:
        check_lint(exe, source, tmp)
        check_test(exe, source, tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
