#!/usr/bin/python3
"""Checks the machine-readable lint reports of the real executable.

  check_reports.py sarif EXE SOURCE_DIR
      Runs `EXE lint --format sarif` (and `--format json`, as the reference) on
      every lint fixture (tests/lint/<family>/<rule>/...), this folder's own
      fixtures and the bundled rules/, validates the SARIF log against the
      OASIS SARIF 2.1.0 schema (SOURCE_DIR/../shared/data/sarif-schema-2.1.0.json,
      or $FINEPRINT_SARIF_SCHEMA), and checks that it says what the JSON says:
      one result per finding, rule indexes, levels, regions, suppressions with
      their reasons, witnesses in the property bag.

  check_reports.py junit EXE SOURCE_DIR
      Runs `EXE lint --format junit` on the same inputs, parses the XML and
      checks it against the JSON findings: one testsuite per rulebook file, one
      testcase in each, one failure per unsuppressed error (one error element
      per TOML syntax error), text unchanged after escaping.

Exit 0: passed; 1: failed; 77: skipped (ctest SKIP_RETURN_CODE).
Run with Debian's /usr/bin/python3: python3-jsonschema is a Debian package.
"""

import json
import os
import re
import subprocess
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SKIP = 77
failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def lint_fixtures(source):
    """Every lint fixture, as the generic C++ fixture test finds them."""
    root = source / "tests" / "lint"
    out = []
    if root.is_dir():
        for family in sorted(p for p in root.iterdir() if p.is_dir()):
            for rule in sorted(p for p in family.iterdir() if p.is_dir()):
                for entry in sorted(rule.iterdir()):
                    if entry.is_dir() or entry.suffix == ".toml":
                        out.append(entry)
    return out


def inputs(source):
    paths = lint_fixtures(source)
    paths += sorted((source / "tests" / "schema" / "fixtures" / "lint").glob("*.toml"))
    if (source / "rules").is_dir():
        paths.append(source / "rules")
    # Relative to the source dir, as a CI job passes them.
    return [str(p.relative_to(source)) for p in paths]


def run(exe, source, fmt, paths):
    proc = subprocess.run(
        [exe, "lint", "--format", fmt, *paths],
        cwd=source,
        capture_output=True,
        env={**os.environ, "TZ": "UTC"},
    )
    if proc.returncode not in (0, 1):
        print(proc.stderr.decode(errors="replace"))
        fail(f"lint --format {fmt} exited {proc.returncode}")
        return None
    return proc.stdout.decode("utf-8")


def reference(exe, source, paths):
    text = run(exe, source, "json", paths)
    return None if text is None else json.loads(text)["findings"]


def check_sarif(exe, source):
    schema_path = Path(
        os.environ.get("FINEPRINT_SARIF_SCHEMA")
        or source.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
    )
    if not schema_path.is_file():
        print(f"SKIP: the SARIF 2.1.0 schema is not at {schema_path} "
              "(set FINEPRINT_SARIF_SCHEMA to its path to run this test)")
        return SKIP
    try:
        import jsonschema
    except ImportError:
        fail(f"{sys.executable} has no jsonschema module: install the Debian package "
             "python3-jsonschema (`make deps`) and run this with /usr/bin/python3")
        return 1

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    paths = inputs(source)
    findings = reference(exe, source, paths)
    text = run(exe, source, "sarif", paths)
    if findings is None or text is None:
        return 1
    log = json.loads(text)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    for error in errors[:20]:
        where = "/".join(str(p) for p in error.absolute_path)
        fail(f"SARIF schema: at /{where}: {error.message[:300]}")
    if errors:
        return 1

    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.split()[-1]
    if log.get("version") != "2.1.0" or len(log.get("runs", [])) != 1:
        fail("expected SARIF version 2.1.0 with exactly one run")
        return 1
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    if driver["name"] != "fineprint" or driver["version"] != version:
        fail(f"driver is {driver['name']} {driver['version']}, expected fineprint {version}")
    rules = driver["rules"]
    listed = subprocess.run([exe, "rules"], capture_output=True, text=True).stdout.split("\n")
    rule_names = [line.split()[0] for line in listed if line.strip()]
    if [r["id"] for r in rules] != rule_names:
        fail("tool.driver.rules is not the registry that `fineprint rules` lists")
    for rule in rules:
        for key in ("name", "shortDescription", "fullDescription", "help", "helpUri",
                    "defaultConfiguration"):
            if key not in rule:
                fail(f"rule {rule['id']} has no {key}")
        if rule.get("defaultConfiguration", {}).get("level") not in ("error", "warning", "note"):
            fail(f"rule {rule['id']} has no default level")

    results = run_["results"]
    if len(results) != len(findings):
        fail(f"{len(results)} SARIF results for {len(findings)} JSON findings")
        return 1
    suppressed = witnesses = 0
    for result, finding in zip(results, findings):
        label = f"{finding['file']}:{finding['line']}: {finding['rule']}"
        if result["ruleId"] != finding["rule"]:
            fail(f"{label}: ruleId {result['ruleId']}")
        index = result.get("ruleIndex")
        if index is None or rules[index]["id"] != finding["rule"]:
            fail(f"{label}: ruleIndex {index} does not name the rule")
        if result["level"] != finding["severity"]:
            fail(f"{label}: level {result['level']} for severity {finding['severity']}")
        if not result["message"]["text"].startswith(finding["message"]):
            fail(f"{label}: message text {result['message']['text']!r}")
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        if uri != finding["file"].removeprefix("./"):
            fail(f"{label}: artifact uri {uri!r}")
        if finding["line"] > 0:
            region = location["region"]
            if (region["startLine"], region["startColumn"]) != (finding["line"], finding["column"]):
                fail(f"{label}: region starts at {region['startLine']}:{region['startColumn']}")
            if "endLine" in region and (region["endLine"], region.get("endColumn", 0)) < (
                region["startLine"], region["startColumn"]
            ):
                fail(f"{label}: region ends before it starts")
        if finding["suppressed"] is not None:
            suppressed += 1
            expected = [{"kind": "inSource", "justification": finding["suppressed"]}]
            if result.get("suppressions") != expected:
                fail(f"{label}: suppressions {result.get('suppressions')}, expected {expected}")
        elif "suppressions" in result:
            fail(f"{label}: an unsuppressed finding carries suppressions")
        if finding["witness"] is not None:
            witnesses += 1
            if result.get("properties", {}).get("witness") != finding["witness"]:
                fail(f"{label}: the witness is not in properties.witness")
    if suppressed == 0:
        fail("no input produced a suppressed finding (tests/schema/fixtures/lint/suppressed.toml should)")
    print(f"SARIF: {len(results)} results from {len(paths)} rulebooks validate against "
          f"{schema_path.name}; {suppressed} suppressed, {witnesses} with a witness")
    if witnesses == 0:
        print("note: no fixture produced a witness yet, so properties.witness was not exercised")
    return 1 if failures else 0


def check_junit(exe, source):
    paths = inputs(source)
    findings = reference(exe, source, paths)
    text = run(exe, source, "junit", paths)
    if findings is None or text is None:
        return 1
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as error:
        fail(f"JUnit output is not well-formed XML: {error}")
        return 1
    if root.tag != "testsuites":
        fail(f"root element is <{root.tag}>, expected <testsuites>")
        return 1
    by_file = {}
    for finding in findings:
        by_file.setdefault(finding["file"], []).append(finding)
    suites = root.findall("testsuite")
    names = [s.get("name") for s in suites]
    if len(set(names)) != len(names):
        fail("a rulebook file has more than one testsuite")
    missing = set(by_file) - set(names)
    if missing:
        fail(f"files with findings but no testsuite: {sorted(missing)}")
    total = 0
    for suite in suites:
        cases = suite.findall("testcase")
        if len(cases) != 1 or suite.get("tests") != "1":
            fail(f"testsuite {suite.get('name')}: expected one testcase")
            continue
        # A failure per finding that fails the run (--fail-on error, the
        # default), an error per TOML syntax error (issue 18).
        live = [f for f in by_file.get(suite.get("name"), []) if f["suppressed"] is None]
        expected = [f for f in live
                    if f["severity"] == "error" and f["rule"] != "schema/parse-error"]
        parse_errors = [f for f in live if f["rule"] == "schema/parse-error"]
        if len(cases[0].findall("error")) != len(parse_errors):
            fail(f"testsuite {suite.get('name')}: {len(cases[0].findall('error'))} errors for "
                 f"{len(parse_errors)} TOML syntax errors")
        got = cases[0].findall("failure")
        total += len(got)
        if suite.get("failures") != str(len(got)) or len(got) != len(expected):
            fail(f"testsuite {suite.get('name')}: {len(got)} failures "
                 f"(failures=\"{suite.get('failures')}\") for {len(expected)} findings")
            continue
        for failure, finding in zip(got, expected):
            if failure.get("type") != finding["rule"]:
                fail(f"{suite.get('name')}: failure type {failure.get('type')}")
            if not failure.get("message", "").endswith(finding["message"]):
                fail(f"{suite.get('name')}: failure message {failure.get('message')!r} "
                     f"does not end with {finding['message']!r}")
            if finding["message"] not in (failure.text or ""):
                fail(f"{suite.get('name')}: failure text lacks the message")
        reasons = [f["suppressed"] for f in by_file.get(suite.get("name"), []) if f["suppressed"]]
        out = cases[0].findtext("system-out") or ""
        for reason in reasons:
            if reason not in out:
                fail(f"{suite.get('name')}: suppression reason {reason!r} not in system-out")
    if root.get("failures") != str(total) or root.get("tests") != str(len(suites)):
        fail("testsuites totals do not add up")
    print(f"JUnit: {len(suites)} testsuites, {total} failures, parsed back intact")
    return 1 if failures else 0


def check_test_junit(exe, source):
    """`fineprint test --format junit`: one testsuite per rulebook, a testcase
    per policy test, a <failure> exactly for the failing ones."""
    import tempfile
    tests = sorted((source / "rules" / "tests").glob("*.toml"))
    with tempfile.TemporaryDirectory() as tmp:
        # A copy of the bundled rulebook with one expectation broken.
        shutil.copytree(source / "rules", Path(tmp) / "rules")
        broken = Path(tmp) / "rules" / "tests" / tests[0].name
        text = broken.read_text(encoding="utf-8")
        wrong = "approved" if 'verdict = "review"' in text else "review"
        if re.search(r'(?m)^verdict = "[a-z_]+"', text):
            text = re.sub(r'(?m)^verdict = "[a-z_]+"', f'verdict = "{wrong}"', text, count=1)
        else:
            text = text.replace("[expect]", f'[expect]\nverdict = "{wrong}"', 1)
        broken.write_text(text, encoding="utf-8")
        proc = subprocess.run([exe, "test", "--format", "junit", str(Path(tmp) / "rules")],
                              capture_output=True, text=True, env={**os.environ, "TZ": "UTC"})
    if proc.returncode != 1:
        fail(f"test --format junit with one broken test: exit {proc.returncode}, expected 1")
    try:
        root = ET.fromstring(proc.stdout.encode("utf-8"))
    except ET.ParseError as error:
        fail(f"test JUnit output is not well-formed XML: {error}")
        return 1
    suites = root.findall("testsuite")
    cases = [c for s in suites for c in s.findall("testcase")]
    failed = [c for c in cases if c.find("failure") is not None]
    if len(suites) != 1 or len(cases) != len(tests):
        fail(f"test JUnit: {len(suites)} testsuites, {len(cases)} testcases for {len(tests)} tests")
    if len(failed) != 1 or failed[0].get("name") != tests[0].stem:
        fail(f"test JUnit: failures {[c.get('name') for c in failed]}, expected [{tests[0].stem}]")
    if root.get("tests") != str(len(tests)) or root.get("failures") != "1":
        fail("test JUnit: testsuites totals do not add up")
    print(f"test JUnit: {len(cases)} testcases, {len(failed)} failure, parsed back intact")
    return 1 if failures else 0


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("sarif", "junit", "test-junit"):
        print(__doc__)
        return 2
    exe, source = sys.argv[2], Path(sys.argv[3]).resolve()
    checks = {"sarif": check_sarif, "junit": check_junit, "test-junit": check_test_junit}
    status = checks[sys.argv[1]](exe, source)
    if failures:
        print(f"{len(failures)} problem(s)")
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
