#!/usr/bin/python3
"""Runs the `fineprint diff` CI recipes of examples/ci/ end to end, up to and
including the comment they post (issue 15, item 4).

usage: run_diff_recipe.py github|gitlab FINEPRINT SOURCE_DIR

The pull request is a git repository made here: tests/ci/fixture-pr/base/ is
the base commit, the files of prs/clean/ (a new returns rule with its policy
test) and prs/new-warning/ (a promotion that ends a second earlier) laid over
it are the head commit. The fineprint under test is first on PATH; the step
that installs the .deb and actions/checkout are skipped.

github (examples/ci/github/fineprint-diff.yml): the `run:` steps run with the
job's shell, `${{ github.event.pull_request.base.sha }}` / `head.sha` in a
step's env given the two commits and GITHUB_STEP_SUMMARY a file; the
actions/github-script step's script runs under node with stand-ins for
`github` and `context` that record the REST calls, three times: no comment
yet (it must create one), a comment of an earlier push (it must update that
one, not another), and a report over GitHub's 65,536-character limit (it
must cut it and say where the rest is).

gitlab (examples/ci/gitlab/fineprint-diff.gitlab-ci.yml): the job's script
runs as one `bash -eo pipefail` script with the CI_* variables of a merge
request; CI_API_V4_URL points at an HTTP server in this test, so the real
curl posts the note and the test reads what arrived: the path, the token
header and the body, which must be the markdown report byte for byte.

Both: a base revision that does not exist makes the job fail (exit 2) and
posts nothing.

Both: the report renders, under cmark-gfm, as a reviewer must read it.

Exit 0: passed; 1: failed; 77: skipped (no PyYAML).
"""
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_recipe  # noqa: E402  (shell_command, clean_env, fail; exits 77 without PyYAML)
from run_recipe import clean_env, fail, failures, shell_command, yaml  # noqa: E402

RECIPES = {
    "github": Path("examples/ci/github/fineprint-diff.yml"),
    "gitlab": Path("examples/ci/gitlab/fineprint-diff.gitlab-ci.yml"),
}
MARKER = "<!-- fineprint-diff -->"
# What the report of this pull request must mention: the new returns rule
# (a region decided differently) and the promotion whose end moved.
MENTIONS = ("defect-2-years", "repair_or_replace", "gloves")


def git(repo, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com",
               GIT_AUTHOR_DATE="2026-11-01T00:00:00Z", GIT_COMMITTER_DATE="2026-11-01T00:00:00Z")
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def make_pull_request(fixtures, root):
    """The repository and its (base, head) commits."""
    repo = root / "repo"
    shutil.copytree(fixtures / "base", repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    for pr in ("clean", "new-warning"):
        # shutil.copy, not copy2: a changed file of the same size with the
        # fixture's mtime would look unchanged to `git add`.
        shutil.copytree(fixtures / "prs" / pr, repo, dirs_exist_ok=True,
                        copy_function=shutil.copy)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "pull request")
    return repo, base, git(repo, "rev-parse", "HEAD")


def pull_request_with_fineprint(fixtures, exe, root):
    """The pull request's repository, its (base, head) commits, and an
    environment with the fineprint under test first on PATH."""
    repo, base, head = make_pull_request(fixtures, root)
    bin_dir = root / "bin"
    bin_dir.mkdir()
    (bin_dir / "fineprint").symlink_to(exe)
    return repo, base, head, clean_env(bin_dir)


def check_report(label, text):
    """What the reviewer reads: the report as GitHub and GitLab render it
    (cmark-gfm, the CommonMark renderer GitHub's is built on): each witness
    claim one TOML code block inside its list item, no heading made of a
    claim's `# comment`."""
    for word in MENTIONS:
        if word not in text:
            fail(f"{label}: the report does not mention {word!r}")
    proc = subprocess.run(["cmark-gfm", "-e", "table"], input=text, capture_output=True,
                          text=True, timeout=60)
    if proc.returncode != 0:
        fail(f"{label}: cmark-gfm failed: {proc.stderr.strip()}")
        return
    html = proc.stdout
    fences = text.count("```toml")
    blocks = html.count('<pre><code class="language-toml"># A claim that shows the finding')
    if fences == 0 or blocks != fences or "<h1>" in html:
        fail(f"{label}: rendered, {blocks} of {fences} witness claims are whole code blocks"
             f"{' and a claim comment became a heading' if '<h1>' in html else ''}")


# --- GitHub ------------------------------------------------------------------

NODE_HARNESS = r"""
const fs = require('fs');
const calls = [];
const existing = JSON.parse(process.env.EXISTING_COMMENTS);
const context = { repo: { owner: 'shop', repo: 'rules' }, issue: { number: 7 } };
const github = {
  paginate: async (method, args) => { calls.push({ call: 'list', args }); return existing; },
  rest: { issues: {
    listComments: 'issues.listComments',
    createComment: async (args) => { calls.push({ call: 'create', args }); },
    updateComment: async (args) => { calls.push({ call: 'update', args }); },
  } },
};
(async () => {
SCRIPT
})().then(() => fs.writeFileSync(process.env.CALLS_FILE, JSON.stringify(calls)),
          (error) => { console.error(error); process.exit(1); });
"""


def github_steps(source):
    workflow = yaml.safe_load((source / RECIPES["github"]).read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    shell = ((job.get("defaults") or {}).get("run") or {}).get("shell")
    return shell, job["steps"]


def github_env(step, env, base, head):
    expressions = {"${{ github.event.pull_request.base.sha }}": base,
                   "${{ github.event.pull_request.head.sha }}": head}
    out = dict(env)
    for key, value in (step.get("env") or {}).items():
        if value not in expressions:
            raise SystemExit(f"error: env {key}: {value!r} is unknown to this test; teach it")
        out[key] = expressions[value]
    return out


def run_comment_script(script, workspace, existing):
    calls_file = workspace.parent / "calls.json"
    harness = workspace.parent / "comment.js"
    harness.write_text(NODE_HARNESS.replace("SCRIPT", script), encoding="utf-8")
    env = dict(os.environ, EXISTING_COMMENTS=json.dumps(existing), CALLS_FILE=str(calls_file))
    proc = subprocess.run(["node", str(harness)], cwd=workspace, env=env,
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        fail(f"github: the comment script failed: {proc.stderr.strip()}")
        return []
    return [c for c in json.loads(calls_file.read_text()) if c["call"] != "list"]


def run_github(source, exe, fixtures, base_override=None):
    """Runs the steps; returns (exit code of the failing step or 0, the report
    file, the github-script step's script)."""
    shell, steps = github_steps(source)
    with tempfile.TemporaryDirectory(prefix="fineprint-diff-gh-") as tmp:
        root = Path(tmp)
        repo, base, head, env = pull_request_with_fineprint(fixtures, exe, root)
        summary = root / "summary.md"
        env["GITHUB_STEP_SUMMARY"] = str(summary)
        script = None
        for index, step in enumerate(steps):
            uses = str(step.get("uses", ""))
            if uses.startswith("actions/github-script"):
                script = step["with"]["script"]
                continue
            if uses or str(step.get("name", "")).startswith("Install"):
                continue
            path = root / f"step-{index}.sh"
            path.write_text(step["run"], encoding="utf-8")
            proc = subprocess.run(shell_command(shell, str(path)), cwd=repo,
                                  env=github_env(step, env, base_override or base, head),
                                  capture_output=True, text=True, timeout=120)
            if proc.returncode != 0:
                return proc.returncode, None, script, proc.stderr
        report = (repo / "fineprint-diff.md").read_text(encoding="utf-8")
        if summary.read_text(encoding="utf-8") != report:
            fail("github: the job summary is not the report")
        calls = [
            run_comment_script(script, repo, []),
            run_comment_script(script, repo, [{"id": 3, "body": "LGTM"},
                                              {"id": 42, "body": MARKER + "\nolder push"}]),
        ]
        (repo / "fineprint-diff.md").write_text(MARKER + "\n" + "x" * 70000, encoding="utf-8")
        calls.append(run_comment_script(script, repo, []))
        return 0, report, calls, ""


def check_github(source, exe, fixtures):
    before = len(failures)
    code, report, calls, stderr = run_github(source, exe, fixtures)
    if code != 0:
        fail(f"github: the diff step exited {code}: {stderr.strip()}")
        return
    if not report.startswith(MARKER):
        fail(f"github: the report does not start with {MARKER}")
    check_report("github", report)
    first, second, long = calls
    if [c["call"] for c in first] != ["create"] or first[0]["args"].get("body") != report or \
            first[0]["args"].get("issue_number") != 7:
        fail(f"github: with no comment yet, expected one createComment of the report on "
             f"#7, got {first}")
    if [c["call"] for c in second] != ["update"] or second[0]["args"].get("comment_id") != 42 \
            or second[0]["args"].get("body") != report:
        fail(f"github: with a comment of an earlier push, expected it (42) updated, got "
             f"{[(c['call'], c['args'].get('comment_id')) for c in second]}")
    body = long[0]["args"]["body"] if long else ""
    if len(body) > 65536 or "job summary" not in body[-200:]:
        fail(f"github: a 70,000-character report gave a comment of {len(body)} characters "
             "that does not point at the job summary")
    code, _, _, _ = run_github(source, exe, fixtures, base_override="0" * 40)
    if code != 2:
        fail(f"github: an unreadable base revision gives step exit {code}, expected 2")
    if len(failures) == before:
        print("ok: github: diff report in the job summary, comment created, then updated, "
              "cut at the limit; an unreadable side fails the job")


# --- GitLab ------------------------------------------------------------------

class NoteServer(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):  # noqa: N802 (the name http.server calls)
        length = int(self.headers.get("Content-Length", "0"))
        NoteServer.received.append({"path": self.path, "token": self.headers.get("PRIVATE-TOKEN"),
                                    "body": self.rfile.read(length).decode("utf-8")})
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id": 1}')

    def log_message(self, *args):
        pass


def run_gitlab(source, exe, fixtures, port, base_override=None):
    pipeline = yaml.safe_load((source / RECIPES["gitlab"]).read_text(encoding="utf-8"))
    job = pipeline["fineprint-diff"]
    with tempfile.TemporaryDirectory(prefix="fineprint-diff-gl-") as tmp:
        root = Path(tmp)
        repo, base, head, env = pull_request_with_fineprint(fixtures, exe, root)
        env.update(CI_MERGE_REQUEST_DIFF_BASE_SHA=base_override or base, CI_COMMIT_SHA=head,
                   CI_API_V4_URL=f"http://127.0.0.1:{port}/api/v4", CI_PROJECT_ID="5",
                   CI_MERGE_REQUEST_IID="9", FINEPRINT_GITLAB_TOKEN="glpat-test")
        env.pop("http_proxy", None)
        env.pop("HTTP_PROXY", None)
        script = root / "job.sh"
        script.write_text("\n".join(job["script"]) + "\n", encoding="utf-8")
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=120)
        report = repo / "fineprint-diff.md"
        return proc, report.read_text(encoding="utf-8") if report.exists() else None


def check_gitlab(source, exe, fixtures):
    before = len(failures)
    server = http.server.HTTPServer(("127.0.0.1", 0), NoteServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        proc, report = run_gitlab(source, exe, fixtures, server.server_port)
        if proc.returncode != 0:
            fail(f"gitlab: the job exited {proc.returncode}: {proc.stderr.strip()}")
            return
        check_report("gitlab", report)
        notes = NoteServer.received
        want_path = "/api/v4/projects/5/merge_requests/9/notes"
        if len(notes) != 1 or notes[0]["path"] != want_path or notes[0]["token"] != "glpat-test":
            fail(f"gitlab: expected one note posted to {want_path} with the token, got "
                 f"{[(n['path'], n['token']) for n in notes]}")
        elif urllib.parse.parse_qs(notes[0]["body"]).get("body") != [report]:
            fail("gitlab: the note's body is not the markdown report byte for byte")
        NoteServer.received.clear()
        proc, _ = run_gitlab(source, exe, fixtures, server.server_port, base_override="0" * 40)
        if proc.returncode != 2 or NoteServer.received:
            fail(f"gitlab: an unreadable base revision gives exit {proc.returncode} and "
                 f"{len(NoteServer.received)} note(s); expected exit 2 and none")
    finally:
        server.shutdown()
    if len(failures) == before:
        print("ok: gitlab: the report posted as a merge request note by curl, byte for byte; "
              "an unreadable side fails the job")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in RECIPES:
        print("usage: run_diff_recipe.py github|gitlab FINEPRINT SOURCE_DIR", file=sys.stderr)
        return 2
    exe = Path(sys.argv[2]).resolve()
    source = Path(sys.argv[3]).resolve()
    fixtures = source / "tests" / "ci" / "fixture-pr"
    if sys.argv[1] == "github":
        check_github(source, exe, fixtures)
    else:
        check_gitlab(source, exe, fixtures)
    return run_recipe.exit_code()


if __name__ == "__main__":
    sys.exit(main())
