#!/usr/bin/python3
"""Runs the shell steps of examples/ci/github/fineprint.yml against fixture
pull requests and checks that the recipe fails the bad ones (issue 12).

usage: run_github_recipe.py FINEPRINT SOURCE_DIR

Each pull request is tests/ci/fixture-pr/base/ (the main branch of a rulebook
repository) with the files of tests/ci/fixture-pr/prs/<name>/ laid over it,
copied to a temporary directory that plays the checkout. The recipe's steps run
there in order, as GitHub would run them:

- `uses:` steps (checkout, upload-sarif) and the step with `id: install` (it
  downloads the .deb) are skipped; the fineprint under test is put first on
  PATH instead;
- a `run:` step runs with the job's `defaults.run.shell` (bash:
  `bash --noprofile --norc -eo pipefail`), without any GITHUB_* variable, so a
  step that needs one must guard it;
- `if:` is honoured for the conditions the recipe uses: none or `success()`
  (run while nothing failed), `always()` and `!cancelled()` (run anyway);
  any other condition fails this test, so that it is taught the new one.

Then it checks which gate steps failed: none for the base and the clean pull
request, exactly the policy tests for the coverage drop and the rulebook
without tests, exactly the lint gate for the new warning (which must also be
annotated as `::warning`). The job fails when any step failed.

Exit 0: passed; 1: failed; 77: skipped (no PyYAML or no bash).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import yaml
except ImportError:
    print("SKIP: PyYAML is not installed (Debian: python3-yaml, `make deps`)")
    sys.exit(77)

SKIPPED_IDS = {"install"}
GATES = {"sarif", "lint", "policy-tests"}  # the step ids this test expects

failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def shell_command(shell, script):
    if shell is None:  # GitHub's default on Linux when bash exists
        return ["bash", "-e", script]
    if shell == "bash":
        return ["bash", "--noprofile", "--norc", "-eo", "pipefail", script]
    if shell == "sh":
        return ["sh", "-e", script]
    raise SystemExit(f"error: shell {shell!r} is not supported by this test")


def should_run(condition, failed_so_far):
    if condition is None:
        return not failed_so_far
    text = str(condition).strip()
    match = re.fullmatch(r"\$\{\{(.*)\}\}", text, re.S)
    if match:
        text = match.group(1).strip()
    if text == "success()":
        return not failed_so_far
    if text in ("always()", "!cancelled()"):
        return True
    if text == "failure()":
        return failed_so_far
    raise SystemExit(f"error: `if: {condition}` is not supported by this test; teach it")


def load_steps(recipe):
    workflow = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    jobs = workflow.get("jobs") or {}
    if len(jobs) != 1:
        raise SystemExit(f"error: {recipe} has {len(jobs)} jobs; this test runs one")
    (name, job), = jobs.items()
    shell = ((job.get("defaults") or {}).get("run") or {}).get("shell")
    steps = job.get("steps") or []
    ids = {step.get("id") for step in steps}
    for wanted in SKIPPED_IDS | GATES:
        if wanted not in ids:
            raise SystemExit(f"error: job {name} has no step with id {wanted!r}")
    return shell, steps


def run_recipe(shell, steps, workspace, bin_dir):
    """Runs the steps in `workspace`; returns {id: (exit code, stdout, stderr)}
    of the steps that ran, and whether the job failed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["CI"] = "true"
    env["TZ"] = "UTC"
    results = {}
    failed = False
    for index, step in enumerate(steps):
        step_id = step.get("id") or f"step{index}"
        if "uses" in step or step_id in SKIPPED_IDS:
            continue
        if "run" not in step:
            raise SystemExit(f"error: step {step_id} has neither `uses` nor `run`")
        if not should_run(step.get("if"), failed):
            continue
        if "${{" in step["run"]:
            raise SystemExit(f"error: step {step_id}: `${{{{ }}}}` in a run script is "
                             "GitHub-only (and an injection risk); pass it through env")
        step_env = dict(env)
        for key, value in (step.get("env") or {}).items():
            if "${{" in str(value):
                raise SystemExit(f"error: step {step_id}: env {key} needs GitHub")
            step_env[key] = str(value)
        script = workspace.parent / f"step-{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        cwd = workspace / step.get("working-directory", ".")
        proc = subprocess.run(shell_command(shell, str(script)), cwd=cwd, env=step_env,
                              capture_output=True, text=True, timeout=120)
        results[step_id] = (proc.returncode, proc.stdout, proc.stderr)
        failed = failed or proc.returncode != 0
    return results, failed


def make_workspace(fixtures, pr, root):
    workspace = root / "repo"
    shutil.copytree(fixtures / "base", workspace)
    if pr == "no-tests":  # a pull request that deletes the policy tests
        shutil.rmtree(workspace / "rules" / "tests")
    elif pr != "base":
        shutil.copytree(fixtures / "prs" / pr, workspace, dirs_exist_ok=True)
    return workspace


def describe(results):
    out = []
    for step_id, (code, stdout, stderr) in results.items():
        out.append(f"  step {step_id}: exit {code}")
        for label, text in (("stdout", stdout), ("stderr", stderr)):
            if text.strip():
                out.append(f"    {label}:\n" + "\n".join("      " + l for l in
                                                         text[:3000].splitlines()))
    return "\n".join(out)


# pull request -> the gate steps that must fail (all others must pass)
EXPECTED = {
    "base": set(),
    "clean": set(),
    "coverage-drop": {"policy-tests"},
    "new-warning": {"lint"},
    "no-tests": {"policy-tests"},
}


def check_pr(pr, results, job_failed):
    must_fail = EXPECTED[pr]
    ran = set(results)
    for gate in GATES:
        if gate not in ran:
            fail(f"{pr}: gate step {gate} did not run (a failing gate must not hide the next)")
    failed = {step for step, (code, _, _) in results.items() if code != 0}
    if failed != must_fail:
        fail(f"{pr}: failed steps {sorted(failed)}, expected {sorted(must_fail)}")
    if job_failed != bool(must_fail):
        fail(f"{pr}: the job {'failed' if job_failed else 'passed'}, "
             f"expected it to {'fail' if must_fail else 'pass'}")
    lint_out = results.get("lint", (0, "", ""))[1]
    test_out = results.get("policy-tests", (0, "", ""))
    if pr == "coverage-drop":
        if "not exercised: returns rule `defect-2-years`" not in test_out[1] or \
                "below --min-coverage 100%" not in test_out[1]:
            fail(f"{pr}: the policy tests step does not name the unexercised rule")
    if pr == "new-warning":
        if not re.search(r"^::warning file=rules/promotions\.toml,line=\d+.*"
                         r"title=time/end-at-2359::", lint_out, re.M):
            fail(f"{pr}: the new warning is not annotated (::warning … time/end-at-2359)")
    if pr == "no-tests":
        if "no policy tests found for rules/" not in test_out[2]:
            fail(f"{pr}: the policy tests step does not say that there are no tests")


def check_sarif(pr, workspace):
    path = workspace / "fineprint.sarif"
    if not path.exists():
        fail(f"{pr}: no fineprint.sarif for the upload step")
        return
    try:
        log = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        fail(f"{pr}: fineprint.sarif is not JSON: {error}")
        return
    if log.get("version") != "2.1.0":
        fail(f"{pr}: fineprint.sarif is not SARIF 2.1.0")
        return
    rules = [r.get("ruleId") for run in log.get("runs", []) for r in run.get("results", [])]
    if pr == "new-warning" and "time/end-at-2359" not in rules:
        fail(f"{pr}: the SARIF log lacks the new warning")
    if pr in ("base", "clean") and rules:
        fail(f"{pr}: the SARIF log has findings {rules}")


def main():
    if len(sys.argv) != 3:
        print("usage: run_github_recipe.py FINEPRINT SOURCE_DIR", file=sys.stderr)
        return 2
    exe = Path(sys.argv[1]).resolve()
    source = Path(sys.argv[2]).resolve()
    if shutil.which("bash") is None:
        print("SKIP: no bash")
        return 77
    shell, steps = load_steps(source / "examples" / "ci" / "github" / "fineprint.yml")
    fixtures = source / "tests" / "ci" / "fixture-pr"
    prs = sorted(p.name for p in (fixtures / "prs").iterdir() if p.is_dir())
    if set(prs) | {"base", "no-tests"} != set(EXPECTED):
        raise SystemExit(f"error: fixture pull requests {prs} and EXPECTED disagree")
    for pr in ["base", *prs, "no-tests"]:
        with tempfile.TemporaryDirectory(prefix="fineprint-ci-") as tmp:
            root = Path(tmp)
            bin_dir = root / "bin"
            bin_dir.mkdir()
            (bin_dir / "fineprint").symlink_to(exe)
            workspace = make_workspace(fixtures, pr, root)
            results, job_failed = run_recipe(shell, steps, workspace, bin_dir)
            before = len(failures)
            check_pr(pr, results, job_failed)
            check_sarif(pr, workspace)
            verdict = "failed" if job_failed else "passed"
            if len(failures) == before:
                print(f"ok: {pr}: the job {verdict} as expected "
                      f"(failing gates: {sorted(EXPECTED[pr]) or 'none'})")
            else:
                print(describe(results))
    if failures:
        print(f"{len(failures)} problem(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
