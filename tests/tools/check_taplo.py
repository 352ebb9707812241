#!/usr/bin/python3
"""Checks the published schemas (schemas/standalone/) with Taplo, the TOML
language server behind the Even Better TOML editor extension (npm
@taplo/cli, pinned in tools/, installed by `make deps`), as an editor reads
them (issue 18).

usage: check_taplo.py FINEPRINT SOURCE_DIR

1. Every TOML file of rules/, examples/ and tests/ that is TOML at all,
   checked with the schema of its kind (rulebook, claim, policy test): Taplo
   must accept exactly those that a draft 7 validator (python3-jsonschema)
   accepts, so it reads the schemas in full; the bundled rules/ and its policy
   tests must be among them.
2. Each planted mistake of taplo/planted/ (`# schema:` names the schema,
   `# expect:` what Taplo must say): Taplo must reject the file, and every
   error it gives must be that one, so the rest of the file is valid.
3. The set-up docs/editor.md describes, followed literally: its `.taplo.toml`
   in a copy of rules/ with the schemas `fineprint schema` prints; a plain
   `taplo check` there passes, and fails once a returns rule has a typo.

Exit 0: passed; 1: failed (also when Taplo is missing: `make deps`).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "schema"))
import jsonschema  # noqa: E402
from check_schemas import kind_of, read_toml, toml_files  # noqa: E402
from tools_support import arguments, fail, finish, npm_tool  # noqa: E402

PLANTED = HERE / "taplo" / "planted"
def taplo(tool, args, cwd):
    env = {**os.environ, "RUST_LOG": "warn", "NO_COLOR": "1"}
    return subprocess.run([tool, "check", "--colors", "never", *args], cwd=cwd,
                          capture_output=True, text=True, env=env)


def rejected_paths(output):
    """The files Taplo reports invalid: its `invalid file ... path="…"` lines."""
    return {Path(p).resolve() for p in re.findall(r'invalid file .*?path="([^"]+)"', output)}


def toml_integers_fit(value):
    """TOML integers are 64-bit; Python's tomllib reads any size, Taplo
    refuses the file. A file with a larger one is not TOML 1.0."""
    if isinstance(value, dict):
        return all(toml_integers_fit(v) for v in value.values())
    if isinstance(value, list):
        return all(toml_integers_fit(v) for v in value)
    return not isinstance(value, int) or -2**63 <= value < 2**63


def check_repository(tool, source):
    schemas = {}
    for path in sorted((source / "schemas" / "standalone").glob("*.schema.json")):
        schemas[path.name.removesuffix(".schema.json")] = path
    groups = {}
    for path in toml_files(source):
        if path.is_relative_to(PLANTED):
            continue
        document = read_toml(path)
        if document is not None and toml_integers_fit(document):
            groups.setdefault(kind_of(document), []).append((path, document))
    total = accepted = 0
    for kind, files in sorted(groups.items()):
        validator = jsonschema.Draft7Validator(json.loads(schemas[kind].read_text("utf-8")))
        expected = {p.resolve() for p, doc in files if any(validator.iter_errors(doc))}
        proc = taplo(tool, ["--schema", schemas[kind].as_uri(), *(str(p) for p, _ in files)],
                     source)
        got = rejected_paths(proc.stdout + proc.stderr)
        for path in sorted(got - expected):
            fail(f"Taplo rejects {path.relative_to(source)} ({kind}), the draft 7 validator "
                 f"accepts it")
        for path in sorted(expected - got):
            fail(f"Taplo accepts {path.relative_to(source)} ({kind}), the draft 7 validator "
                 f"rejects it")
        bundled = [p for p, _ in files if p.is_relative_to(source / "rules")]
        for path in bundled:
            if path.resolve() in got:
                fail(f"the bundled {path.relative_to(source)} fails {kind}.schema.json in Taplo")
        total += len(files)
        accepted += len(files) - len(got)
        print(f"{kind}: Taplo accepts {len(files) - len(got)} of {len(files)} files "
              f"({len(bundled)} bundled), as the draft 7 validator does")
    return total, accepted


def check_planted(tool, source):
    planted = sorted(PLANTED.glob("*.toml"))
    for path in planted:
        text = path.read_text(encoding="utf-8")
        schema = re.search(r"(?m)^# schema: (\S+)$", text).group(1)
        expect = re.search(r"(?m)^# expect: (.+)$", text).group(1)
        schema_path = source / "schemas" / "standalone" / f"{schema}.schema.json"
        proc = taplo(tool, ["--schema", schema_path.as_uri(), str(path)], source)
        errors = set(re.findall(r"(?m)^error: (.*)$", proc.stdout + proc.stderr))
        if proc.returncode == 0 or not errors:
            fail(f"{path.name}: Taplo does not report the planted mistake ({expect})")
        elif any(expect not in error for error in errors):
            fail(f"{path.name}: Taplo says {sorted(errors)}, expected only errors with {expect!r}")
    print(f"planted mistakes: Taplo reports each of {len(planted)}, and nothing else")
    return len(planted)


def editor_config(source):
    """The `.taplo.toml` docs/editor.md tells users to write."""
    text = (source / "docs" / "editor.md").read_text(encoding="utf-8")
    match = re.search(r"```toml\n(# \.taplo\.toml.*?)```", text, re.S)
    if match is None:
        sys.exit("FAIL: docs/editor.md has no ```toml block starting with `# .taplo.toml`")
    return match.group(1)


def check_editor_setup(tool, exe, source):
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        shutil.copytree(source / "rules", repo / "rules")
        (repo / "schemas").mkdir()
        for name in ("rulebook", "claim", "policy-test"):
            printed = subprocess.run([exe, "schema", name], capture_output=True, check=True)
            (repo / "schemas" / f"{name}.schema.json").write_bytes(printed.stdout)
        (repo / ".taplo.toml").write_text(editor_config(source), encoding="utf-8")
        clean = taplo(tool, [], repo)
        if clean.returncode != 0:
            fail(f"docs/editor.md's set-up: `taplo check` fails on the bundled rules:\n"
                 f"{(clean.stdout + clean.stderr)[-2000:]}")
        returns = repo / "rules" / "returns.toml"
        returns.write_text(returns.read_text(encoding="utf-8").replace(
            "\n[[returns.rule]]\n", "\n[[returns.rule]]\nbecuase = \"typo\"\n", 1),
            encoding="utf-8")
        typo = taplo(tool, [], repo)
        if typo.returncode == 0 or "'becuase' was unexpected" not in typo.stdout + typo.stderr:
            fail("docs/editor.md's set-up: `taplo check` misses a typo in a returns rule")
    print("docs/editor.md's .taplo.toml: `taplo check` passes the bundled rules, catches a typo")


def main():
    exe, source = arguments(__doc__)
    tool = npm_tool(source, "taplo")
    check_repository(tool, source)
    check_planted(tool, source)
    check_editor_setup(tool, exe, source)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
