#!/usr/bin/python3
"""Runs the shell steps of a CI recipe in examples/ci/ against fixture pull
requests and checks that the recipe fails the bad ones (issue 12).

usage: run_recipe.py github|gitlab|pre-commit FINEPRINT SOURCE_DIR

Each pull request is tests/ci/fixture-pr/base/ (the main branch of a rulebook
repository) with the files of tests/ci/fixture-pr/prs/<name>/ laid over it,
copied to a temporary directory that plays the checkout.

github (examples/ci/github/fineprint.yml): the steps of its one job run there
in order, as GitHub would run them:

- `uses:` steps (checkout, upload-sarif) and the step with `id: install` (it
  downloads the .deb) are skipped; the fineprint under test is put first on
  PATH instead;
- a `run:` step runs with the job's `defaults.run.shell` (bash:
  `bash --noprofile --norc -eo pipefail`), without any GITHUB_* variable, so a
  step that needs one must guard it;
- `if:` is honoured for the conditions the recipe uses: none or `success()`
  (run while nothing failed), `always()` and `!cancelled()` (run anyway);
  any other condition fails this test, so that it is taught the new one.

gitlab (examples/ci/gitlab/fineprint.gitlab-ci.yml): each job's `script`
lines run as one `bash -eo pipefail` script, as the GitLab runner does; the
`before_script` (it downloads the .deb) is skipped, and no CI_* variable is
set. A job's `coverage:` regex must find the coverage percentage in its log.

pre-commit (.pre-commit-hooks.yaml, at the root where pre-commit looks): each hook's
`entry` runs from the repository root with its `args` (pass_filenames must
be false: a rulebook is checked as a whole); .pre-commit-config.yaml must
declare the same hooks.

Then it checks which gates failed: none for the base and the clean pull
request, exactly the policy tests for the coverage drop and the rulebook
without tests, exactly the lint gate for the new warning (which must also be
reported: a `::warning` annotation on GitHub, a failure in the JUnit report on
GitLab); the job (pipeline) fails when any step (job) failed. The SARIF log
must be there for the upload whatever failed.

Exit 0: passed; 1: failed; 77: skipped (no PyYAML or no bash).
"""
import json
import os
import re
import shlex
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
# The gates this test expects: GitHub step ids, GitLab jobs.
GATES = {
    "github": {"sarif", "lint", "policy-tests"},
    "gitlab": {"fineprint-lint", "fineprint-test"},
    "pre-commit": {"fineprint-lint", "fineprint-test"},
}
# Which gate lints and which runs the policy tests.
LINT = {"github": "lint", "gitlab": "fineprint-lint", "pre-commit": "fineprint-lint"}
TEST = {"github": "policy-tests", "gitlab": "fineprint-test", "pre-commit": "fineprint-test"}

failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def exit_code():
    """0 when nothing failed, else 1 after counting the problems."""
    if failures:
        print(f"{len(failures)} problem(s)")
        return 1
    return 0


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
    for step in steps:
        if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif") and \
                "always()" not in str(step.get("if", "")):
            raise SystemExit("error: the SARIF upload must run under always(), "
                             "so that a failing gate still uploads")
    for wanted in SKIPPED_IDS | GATES["github"]:
        if wanted not in ids:
            raise SystemExit(f"error: job {name} has no step with id {wanted!r}")
    return shell, steps


def clean_env(bin_dir):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("GITHUB_") and not k.startswith("CI_")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["CI"] = "true"
    env["TZ"] = "UTC"
    return env


def run_github(shell, steps, workspace, bin_dir):
    """Runs the steps in `workspace`; returns {id: (exit code, stdout, stderr)}
    of the steps that ran, and whether the job failed."""
    env = clean_env(bin_dir)
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


def load_jobs(recipe):
    pipeline = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    jobs = {}
    for name, job in pipeline.items():
        if name.startswith(".") or not isinstance(job, dict) or "script" not in job:
            continue
        coverage = job.get("coverage")
        if "extends" in job:
            base = pipeline[job["extends"]]
            coverage = coverage or base.get("coverage")
        jobs[name] = (job["script"], coverage)
    if set(jobs) != GATES["gitlab"]:
        raise SystemExit(f"error: {recipe} has jobs {sorted(jobs)}, "
                         f"this test expects {sorted(GATES['gitlab'])}")
    return jobs


def run_gitlab(jobs, workspace, bin_dir):
    """Runs each job's script in `workspace`; returns {job: (exit code,
    stdout, stderr)}, whether the pipeline failed, and {job: the coverage its
    regex found, or None}."""
    env = clean_env(bin_dir)
    results, coverage = {}, {}
    for name, (lines, regex) in sorted(jobs.items()):
        script = workspace.parent / f"{name}.sh"
        script.write_text("\n".join(lines) + "\n", encoding="utf-8")
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=workspace, env=env, capture_output=True, text=True,
                              timeout=120)
        results[name] = (proc.returncode, proc.stdout, proc.stderr)
        if regex:
            pattern = regex.strip()
            if not (pattern.startswith("/") and pattern.endswith("/")):
                raise SystemExit(f"error: job {name}: coverage {regex!r} is not /REGEX/")
            found = re.findall(pattern[1:-1], proc.stdout + proc.stderr)
            coverage[name] = found[-1] if found else None
    failed = any(code != 0 for code, _, _ in results.values())
    return results, failed, coverage


def load_hooks(hooks_file, config_file):
    hooks = yaml.safe_load(hooks_file.read_text(encoding="utf-8"))
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    local = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    keys = ("id", "entry", "args", "language", "files", "pass_filenames")
    if [{k: h.get(k) for k in keys} for h in hooks] != [{k: h.get(k) for k in keys}
                                                        for h in local]:
        raise SystemExit(f"error: {config_file} and {hooks_file} declare different hooks")
    out = {}
    for hook in hooks:
        if hook.get("pass_filenames") is not False or hook.get("language") != "system":
            raise SystemExit(f"error: hook {hook['id']}: expected language: system and "
                             "pass_filenames: false")
        out[hook["id"]] = shlex.split(hook["entry"]) + list(hook.get("args") or [])
    if set(out) != GATES["pre-commit"]:
        raise SystemExit(f"error: hooks {sorted(out)}, expected {sorted(GATES['pre-commit'])}")
    return out


def run_hooks(hooks, workspace, bin_dir):
    env = clean_env(bin_dir)
    results = {}
    for name, argv in sorted(hooks.items()):
        proc = subprocess.run(argv, cwd=workspace, env=env, capture_output=True, text=True,
                              timeout=120)
        results[name] = (proc.returncode, proc.stdout, proc.stderr)
    return results, any(code != 0 for code, _, _ in results.values())


def run_script(text, cwd, env):
    script = cwd.parent / "guard.sh"
    script.write_text(text, encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def check_guards(recipe, source, exe):
    """What must hold whatever the pull request (issue 18): an unset install
    source stops the job with a message saying so, before anything is
    downloaded; GitHub: the upload is upload-sarif@v4, fork-safe, never of a
    missing log, and a rulebook that cannot be read (lint exits 2) leaves no
    SARIF log behind; GitLab: workflow:rules, so no duplicate pipelines."""
    if recipe == "pre-commit":
        return
    text = (source / RECIPES[recipe]).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="fineprint-guard-") as tmp:
        root = Path(tmp)
        bin_dir = root / "bin"
        bin_dir.mkdir()
        # Stand-ins that fail loudly: the guard must stop the job before them.
        for tool in ("apt-get", "curl"):
            stub = bin_dir / tool
            stub.write_text(f"#!/bin/sh\necho '{tool} must not run' >&2\nexit 99\n")
            stub.chmod(0o755)
        (bin_dir / "fineprint").symlink_to(exe)
        workspace = root / "repo"
        workspace.mkdir()
        env = clean_env(bin_dir)
        env.pop("FINEPRINT_DEB_URL", None)
        if recipe == "github":
            _, steps = load_steps(source / RECIPES[recipe])
            install = next(s for s in steps if s.get("id") == "install")["run"]
        else:
            install = "\n".join(yaml.safe_load(text)[".fineprint"]["before_script"]) + "\n"
        proc = run_script(install, workspace, env)
        said = proc.stdout + proc.stderr
        if proc.returncode == 0 or "FINEPRINT_DEB_URL is not set" not in said or \
                "must not run" in said:
            fail(f"{recipe}: with FINEPRINT_DEB_URL unset the install exits {proc.returncode} "
                 f"and says {said.strip()!r}; expected a failure naming the variable")
        if recipe == "github":
            sarif = next(s for s in steps if s.get("id") == "sarif")["run"]
            proc = run_script(sarif, workspace, env)  # no rules/ at all: lint exits 2
            if proc.returncode != 2 or (workspace / "fineprint.sarif").exists():
                fail(f"github: lint exiting 2 gives step exit {proc.returncode} and "
                     f"{'a' if (workspace / 'fineprint.sarif').exists() else 'no'} SARIF "
                     "log; expected exit 2 and no log to upload")
            upload = next(s for s in steps if "upload-sarif" in str(s.get("uses", "")))
            if not str(upload["uses"]).endswith("@v4") or upload.get("continue-on-error") \
                    is not True or "hashFiles('fineprint.sarif')" not in str(upload.get("if")):
                fail("github: the upload must be upload-sarif@v4 with continue-on-error "
                     "(forks get a read-only token) and only when fineprint.sarif exists")
        else:
            rules = (yaml.safe_load(text).get("workflow") or {}).get("rules")
            if not rules:
                fail("gitlab: no workflow:rules, so a merge request runs two pipelines")
    print(f"ok: {recipe}: install source guard"
          + (", SARIF upload" if recipe == "github" else ", workflow:rules"))


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


def check_pr(recipe, pr, workspace, results, job_failed, coverage):
    must_fail = {LINT[recipe] if gate == "lint" else TEST[recipe] for gate in EXPECTED[pr]}
    for gate in GATES[recipe]:
        if gate not in results:
            fail(f"{recipe} {pr}: gate {gate} did not run (a failing gate must not hide the next)")
    failed = {gate for gate, (code, _, _) in results.items() if code != 0}
    if failed != must_fail:
        fail(f"{recipe} {pr}: failed gates {sorted(failed)}, expected {sorted(must_fail)}")
    if job_failed != bool(must_fail):
        fail(f"{recipe} {pr}: the {'job' if recipe == 'github' else 'pipeline'} "
             f"{'failed' if job_failed else 'passed'}, "
             f"expected it to {'fail' if must_fail else 'pass'}")
    lint_out = results.get(LINT[recipe], (0, "", ""))[1]
    _, test_out, test_err = results.get(TEST[recipe], (0, "", ""))
    if pr == "coverage-drop":
        if "not exercised: returns rule `defect-2-years`" not in test_out + test_err or \
                "below --min-coverage 100%" not in test_out + test_err:
            fail(f"{recipe} {pr}: the policy tests do not name the unexercised rule")
    if pr == "no-tests" and "no policy tests found for rules" not in test_out + test_err:
        fail(f"{recipe} {pr}: the policy tests do not say that there are no tests")
    # Warnings are reported, not only failed on: annotations on GitHub, a
    # failure in the JUnit report on GitLab.
    if pr == "new-warning" and recipe == "github":
        if not re.search(r"^::warning file=rules/promotions\.toml,line=\d+.*"
                         r"title=time/end-at-2359::", lint_out, re.M):
            fail(f"{recipe} {pr}: the new warning is not annotated (::warning … end-at-2359)")
    if pr == "new-warning" and recipe == "gitlab":
        report = workspace / "fineprint-lint.xml"
        text = report.read_text(encoding="utf-8") if report.exists() else ""
        if '<failure type="time/end-at-2359"' not in text:
            fail(f"{recipe} {pr}: fineprint-lint.xml does not list the new warning")
    if recipe == "gitlab":
        want = {"coverage-drop": "75", "no-tests": "0"}.get(pr, "100")
        if coverage.get(TEST[recipe]) != want:
            fail(f"{recipe} {pr}: the coverage regex found {coverage.get(TEST[recipe])!r}, "
                 f"expected {want!r}")
        if not (workspace / "fineprint-test.xml").exists():
            fail(f"{recipe} {pr}: no fineprint-test.xml for the test report")


def check_sarif(recipe, pr, workspace):
    path = workspace / "fineprint.sarif"
    if not path.exists():
        fail(f"{recipe} {pr}: no fineprint.sarif to upload")
        return
    try:
        log = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        fail(f"{recipe} {pr}: fineprint.sarif is not JSON: {error}")
        return
    if log.get("version") != "2.1.0":
        fail(f"{recipe} {pr}: fineprint.sarif is not SARIF 2.1.0")
        return
    rules = [r.get("ruleId") for run in log.get("runs", []) for r in run.get("results", [])]
    if pr == "new-warning" and "time/end-at-2359" not in rules:
        fail(f"{recipe} {pr}: the SARIF log lacks the new warning")
    if pr in ("base", "clean") and rules:
        fail(f"{recipe} {pr}: the SARIF log has findings {rules}")


RECIPES = {
    "github": Path("examples/ci/github/fineprint.yml"),
    "gitlab": Path("examples/ci/gitlab/fineprint.gitlab-ci.yml"),
    "pre-commit": Path(".pre-commit-hooks.yaml"),
}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in RECIPES:
        print("usage: run_recipe.py github|gitlab|pre-commit FINEPRINT SOURCE_DIR",
              file=sys.stderr)
        return 2
    recipe = sys.argv[1]
    exe = Path(sys.argv[2]).resolve()
    source = Path(sys.argv[3]).resolve()
    if shutil.which("bash") is None:
        print("SKIP: no bash")
        return 77
    if recipe == "github":
        shell, steps = load_steps(source / RECIPES[recipe])
    elif recipe == "gitlab":
        jobs = load_jobs(source / RECIPES[recipe])
    else:
        hooks = load_hooks(source / RECIPES[recipe],
                           source / "examples" / "ci" / "pre-commit" / ".pre-commit-config.yaml")
    check_guards(recipe, source, exe)
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
            coverage = {}
            if recipe == "github":
                results, job_failed = run_github(shell, steps, workspace, bin_dir)
            elif recipe == "gitlab":
                results, job_failed, coverage = run_gitlab(jobs, workspace, bin_dir)
            else:
                results, job_failed = run_hooks(hooks, workspace, bin_dir)
            before = len(failures)
            check_pr(recipe, pr, workspace, results, job_failed, coverage)
            if recipe != "pre-commit":
                check_sarif(recipe, pr, workspace)
            verdict = "failed" if job_failed else "passed"
            if len(failures) == before:
                print(f"ok: {recipe} {pr}: {verdict} as expected "
                      f"(failing gates: {sorted(EXPECTED[pr]) or 'none'})")
            else:
                print(describe(results))
    return exit_code()


if __name__ == "__main__":
    sys.exit(main())
