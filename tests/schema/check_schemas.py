#!/usr/bin/python3
"""Proves that the JSON Schemas in schemas/ and fineprint's own loader agree.

  check_schemas.py EXE SOURCE_DIR

1. Every schema is a valid draft 2020-12 schema; its published form,
   schemas/standalone/NAME.schema.json (self-contained, draft 7), is a valid
   draft 7 schema that accepts and rejects every document below as the
   maintained form does; `EXE schema NAME` prints exactly the published form.
2. Every TOML file under rules/, examples/ and tests/ is read with tomllib and
   mapped to JSON (the mapping below). Each rulebook file of a rulebook that
   loads (`EXE lint` reports no load error for it) validates against
   rulebook.schema.json; each claim that loads (`EXE resolve` accepts it)
   validates against claim.schema.json; each policy test (a claim with
   [expect]) against policy-test.schema.json.
3. Every lint fixture under tests/lint/schema/ that the loader rejects with a
   schema/ error fails validation, except for the errors no JSON Schema can
   express (listed in SCHEMA_BLIND).
4. Every witness claim `EXE lint --witness-dir` writes for the lint fixtures
   validates against claim.schema.json. Every decision record
   `EXE resolve --format json` writes for the claims of 2, and every expected
   JSON under tests/claims/, validates against decision.schema.json.
5. The `allow` rule names the rulebook schema accepts are exactly the lint
   rules an `allow` table can suppress (the registry less the load errors).

TOML → JSON mapping (also what an editor's TOML language server does):
  offset date-time  → "2026-12-01T00:00:00+02:00" (RFC 3339; UTC as +00:00)
  local date-time   → "2026-12-01T00:00:00"       (no offset)
  local date        → "2026-12-01"
  local time        → "10:00:00"                  (never valid in a fineprint file)
  fractional seconds are kept ("...:00.5"), so the schema's patterns reject them.
Other TOML values map to their JSON counterparts; a TOML float stays a number,
which no money or percent accepts.

Exit 0: passed; 1: failed.
"""

import datetime
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

try:
    import jsonschema
except ImportError:
    sys.exit(f"FAIL: {sys.executable} has no jsonschema module: install the Debian package "
             "python3-jsonschema (`make deps`) and run this with /usr/bin/python3")

# Load errors a JSON Schema cannot express: uniqueness of ids across array
# items and of top-level tables across the files of a rulebook directory.
SCHEMA_BLIND = {"schema/duplicate-id", "schema/duplicate-key"}

failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def to_json(value):
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def read_toml(path):
    try:
        with open(path, "rb") as f:
            return to_json(tomllib.load(f))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None


def run(exe, source, *args):
    return subprocess.run([exe, *args], cwd=source, capture_output=True,
                          env={**os.environ, "TZ": "UTC"})


class Schemas:
    """The schemas of schemas/, with "claim.schema.json"-style references
    resolved to the sibling files (the schemas have no $id, so a reference
    resolves against the file it is read from, as in an editor). Works with
    jsonschema before 4.18 (RefResolver, Debian 12) and after (referencing)."""

    def __init__(self, source):
        self.raw = {}
        for path in sorted((source / "schemas").glob("*.schema.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            self.raw[path.name.removesuffix(".schema.json")] = (path, schema)
        # A single-file rulebook must hold [store] itself.
        whole = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "allOf": [{"$ref": "rulebook.schema.json"}], "required": ["store"]}
        roots = {name: schema for name, (_, schema) in self.raw.items()}
        roots["whole-rulebook"] = whole
        try:
            from referencing import Registry
            from referencing.jsonschema import DRAFT202012
        except ImportError:
            Registry = None
        if Registry is not None:
            registry = Registry().with_resources(
                (path.name, DRAFT202012.create_resource(schema))
                for path, schema in self.raw.values())
            self.validators = {name: jsonschema.Draft202012Validator(schema, registry=registry)
                               for name, schema in roots.items()}
        else:
            store = {path.as_uri(): schema for path, schema in self.raw.values()}
            folder = next(iter(self.raw.values()))[0].parent
            self.validators = {}
            for name, schema in roots.items():
                base = (folder / f"{name}.schema.json").as_uri()
                if name == "whole-rulebook":
                    base = (folder / "whole-rulebook.json").as_uri()
                resolver = jsonschema.RefResolver(base, schema, store=store)
                self.validators[name] = jsonschema.Draft202012Validator(schema, resolver=resolver)
        # The published form (schemas/standalone/, issue 18): self-contained
        # draft 7, read as an editor reads it; it must judge every document
        # the way the maintained form does.
        self.standalone = {}
        for path in sorted((source / "schemas" / "standalone").glob("*.schema.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.Draft7Validator.check_schema(schema)
            self.standalone[path.name.removesuffix(".schema.json")] = (
                path, jsonschema.Draft7Validator(schema))
        if sorted(self.standalone) != sorted(self.raw):
            fail("schemas/standalone/ does not hold one schema per schema of schemas/")

    def errors(self, name, document):
        errors = sorted(self.validators[name].iter_errors(document), key=lambda e: e.path)
        if name in self.standalone:
            path, validator = self.standalone[name]
            alone = sorted(validator.iter_errors(document), key=lambda e: e.path)
            if bool(alone) != bool(errors):
                said = describe(alone or errors)
                fail(f"schemas/standalone/{path.name} {'rejects' if alone else 'accepts'} a "
                     f"document schemas/{path.name} {'accepts' if alone else 'rejects'}: {said}")
        return errors


def describe(errors):
    first = errors[0]
    where = "/".join(str(p) for p in first.absolute_path)
    return f"at /{where}: {first.message[:200]}" + (f" (+{len(errors) - 1} more)" if len(errors) > 1 else "")


def kind_of(document):
    """'claim', 'policy-test' or 'rulebook', by the top-level tables."""
    if any(key in document for key in ("claim", "order", "customer", "expect")):
        return "policy-test" if "expect" in document else "claim"
    return "rulebook"


def check_embedded(exe, source, schemas):
    for name, (path, _) in schemas.standalone.items():
        printed = run(exe, source, "schema", name).stdout
        if printed != path.read_bytes():
            fail(f"`fineprint schema {name}` differs from {path.relative_to(source)}")
    print(f"schemas: {len(schemas.raw)} valid draft 2020-12 schemas; their self-contained "
          f"draft 7 forms embedded byte for byte")


def suppressible_rules(exe, source, tmp):
    """The rules an `allow` table may name: every registered rule whose name
    in an `allow` table draws no schema/unknown-key finding."""
    names = [line.split()[0] for line in run(exe, source, "rules").stdout.decode().splitlines()
             if line.strip()]
    lines = ['[store]', 'name = "S"', 'currency = "EUR"', 'timezone = "UTC"', 'channels = ["web"]',
             '[[promotion]]', 'id = "P"', 'title = "P"', 'starts = 2026-01-01T00:00:00Z',
             'ends = 2026-02-01T00:00:00Z', 'percent_off = 10', '[promotion.allow]']
    first = len(lines) + 1
    lines += [f'"{name}" = "probe"' for name in names]
    probe = tmp / "allow-probe.toml"
    probe.write_text("\n".join(lines) + "\n", encoding="utf-8")
    findings = json.loads(run(exe, source, "lint", "--format", "json", str(probe)).stdout)["findings"]
    refused = {f["line"] for f in findings if f["rule"] == "schema/unknown-key"}
    return names, [n for i, n in enumerate(names) if first + i not in refused]


def check_allow_enum(exe, source, schemas, tmp):
    names, allowed = suppressible_rules(exe, source, tmp)
    enum = schemas.raw["rulebook"][1]["$defs"]["suppressibleRule"]["enum"]
    missing, extra = sorted(set(allowed) - set(enum)), sorted(set(enum) - set(allowed))
    if missing or extra:
        fail("schemas/rulebook.schema.json $defs/suppressibleRule is out of date with the lint "
             f"registry: add {missing}, remove {extra}")
    return {n for n in names if n not in allowed}


def lint_findings(exe, source, paths):
    """Findings per input path (a file, or a directory rulebook)."""
    out = {}
    # One run per path keeps a directory's findings apart from a file's.
    for path in paths:
        proc = run(exe, source, "lint", "--format", "json", str(path.relative_to(source)))
        if proc.returncode not in (0, 1):
            fail(f"lint {path.relative_to(source)} exited {proc.returncode}: "
                 f"{proc.stderr.decode(errors='replace').strip()}")
            continue
        out[path] = json.loads(proc.stdout)["findings"]
    return out


def toml_files(source):
    files = []
    for top in ("rules", "examples", "tests"):
        root = source / top
        if root.is_dir():
            # Not the planted mistakes of the Taplo check (tests/tools/taplo/).
            files += sorted(p for p in root.rglob("*.toml")
                            if "node_modules" not in p.parts and "planted" not in p.parts)
    return files


def rulebook_units(source, files):
    """Rulebooks to lint: each rulebook file on its own, except the files of a
    directory rulebook (the bundled rules/, a multi-file lint fixture), which
    are linted together through their directory."""
    lint_root = source / "tests" / "lint"
    units = {}
    for path in files:
        rel = path.relative_to(source)
        if rel.parts[0] == "rules" and "tests" not in rel.parts[1:-1]:
            units.setdefault(source / "rules", []).append(path)
        elif path.is_relative_to(lint_root) and len(path.relative_to(lint_root).parts) >= 4:
            fixture = lint_root.joinpath(*path.relative_to(lint_root).parts[:3])
            units.setdefault(fixture, []).append(path)
        else:
            units.setdefault(path, []).append(path)
    return units


def check_rulebooks(exe, source, schemas, files, load_rules):
    documents = {p: read_toml(p) for p in files}
    rulebook_files = [p for p in files if documents[p] is not None and kind_of(documents[p]) == "rulebook"]
    unparsable = [p for p in files if documents[p] is None]
    units = rulebook_units(source, rulebook_files + unparsable)
    findings = lint_findings(exe, source, list(units))
    schema_dir = source / "tests" / "lint" / "schema"
    valid = rejected = blind = 0
    for unit, members in units.items():
        if unit not in findings:
            continue
        load_errors = [f for f in findings[unit]
                       if f["rule"] in load_rules and f["severity"] == "error" and not f["suppressed"]]
        rel = unit.relative_to(source)
        if not load_errors:
            # The rulebook loads: every file of it must validate.
            for path in members:
                doc = documents[path]
                if doc is None:
                    fail(f"{path.relative_to(source)}: lint reports no load error but tomllib cannot read it")
                    continue
                name = "rulebook" if unit.is_dir() else "whole-rulebook"
                errors = schemas.errors(name, doc)
                if errors:
                    fail(f"{path.relative_to(source)} loads but fails rulebook.schema.json {describe(errors)}")
                else:
                    valid += 1
            continue
        if not unit.is_relative_to(schema_dir):
            continue
        schema_rules = {f["rule"] for f in load_errors if f["rule"].startswith("schema/")}
        if not schema_rules:
            continue
        if schema_rules <= SCHEMA_BLIND:
            blind += 1
            continue
        # Rejected by the loader for a schema/ reason: the schema must reject it too.
        parsed = [documents[p] for p in members]
        if any(doc is None for doc in parsed):
            rejected += 1  # not TOML: no schema can accept it
            continue
        name = "rulebook" if unit.is_dir() else "whole-rulebook"
        if unit.is_dir() and not any("store" in doc for doc in parsed):
            rejected += 1  # no [store] in any file of the rulebook
            continue
        if all(not schemas.errors(name, doc) for doc in parsed):
            fail(f"{rel}: the loader rejects it ({', '.join(sorted(schema_rules))}) "
                 "but every file validates against rulebook.schema.json")
        else:
            rejected += 1
    print(f"rulebooks: {valid} loading files validate; {rejected} schema/-rejected fixtures "
          f"fail validation too; {blind} rejected only for {sorted(SCHEMA_BLIND)} (not expressible)")


def rulebook_for(source, claim):
    """The rulebook a claim is decided by: the path written in a `rules`
    pointer file beside it (tests/claims/<case>/rules, relative to the
    repository), a rulebook.toml beside it or above it, else the bundled
    rules/."""
    pointer = claim.parent / "rules"
    if pointer.is_file():
        target = source / pointer.read_text(encoding="utf-8").strip()
        if target.exists():
            return target
    for folder in claim.parents:
        if folder == source:
            break
        candidate = folder / "rulebook.toml"
        if candidate.is_file() and candidate != claim:
            return candidate
        if folder.name == "rules" and folder.parent == source:
            return folder
    return source / "rules"


def check_claims(exe, source, schemas, files):
    claims = tests = decisions = skipped = 0
    for path in files:
        doc = read_toml(path)
        if doc is None:
            continue
        kind = kind_of(doc)
        if kind == "rulebook":
            continue
        rel = path.relative_to(source)
        if kind == "policy-test":
            # Policy tests are the bundled suite's own files: they must all be valid.
            errors = schemas.errors("policy-test", doc)
            if errors:
                fail(f"{rel} fails policy-test.schema.json {describe(errors)}")
            tests += 1
            continue
        rules = rulebook_for(source, path)
        proc = run(exe, source, "resolve", "--format", "json", "--rules",
                   str(rules.relative_to(source)), str(rel))
        if proc.returncode not in (0, 1):
            skipped += 1  # the claim (or its rulebook) does not load
            continue
        errors = schemas.errors("claim", doc)
        if errors:
            fail(f"{rel} resolves but fails claim.schema.json {describe(errors)}")
        claims += 1
        for record in json_records(proc.stdout.decode()):
            decisions += check_decision(schemas, record, f"decision for {rel}")
    golden = source / "tests" / "claims"
    for path in sorted(golden.rglob("*.json")) if golden.is_dir() else []:
        for record in json_records(path.read_text(encoding="utf-8")):
            if isinstance(record, dict) and "verdict" in record:
                decisions += check_decision(schemas, record, str(path.relative_to(source)))
    print(f"claims: {claims} loading claims validate ({skipped} that do not load skipped); "
          f"{tests} policy tests validate; {decisions} decision records validate")


def json_records(text):
    """One JSON value (pretty-printed or not), or JSON Lines."""
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def check_decision(schemas, record, label):
    errors = schemas.errors("decision", record)
    if errors:
        fail(f"{label} fails decision.schema.json {describe(errors)}")
    return 1


def check_witnesses(exe, source, schemas, tmp):
    """Every witness claim lint writes (--witness-dir) is a valid claim."""
    lint_root = source / "tests" / "lint"
    fixtures = sorted(str(p.relative_to(source)) for p in lint_root.glob("*/*/*")
                      if p.is_dir() or p.suffix == ".toml")
    out = tmp / "witnesses"
    proc = run(exe, source, "lint", "--witness-dir", str(out), *fixtures)
    if proc.returncode not in (0, 1):
        fail(f"lint --witness-dir exited {proc.returncode}")
        return
    witnesses = sorted(out.glob("*.toml")) if out.is_dir() else []
    for path in witnesses:
        doc = read_toml(path)
        errors = ["not TOML"] if doc is None else schemas.errors("claim", doc)
        if errors:
            fail(f"witness {path.name} fails claim.schema.json "
                 f"{errors[0] if doc is None else describe(errors)}")
    print(f"witnesses: {len(witnesses)} witness claims from the lint fixtures validate")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    exe, source = sys.argv[1], Path(sys.argv[2]).resolve()
    import tempfile

    schemas = Schemas(source)
    check_embedded(exe, source, schemas)
    with tempfile.TemporaryDirectory() as tmp:
        unsuppressible = check_allow_enum(exe, source, schemas, Path(tmp))
        check_witnesses(exe, source, schemas, Path(tmp))
    files = toml_files(source)
    check_rulebooks(exe, source, schemas, files, unsuppressible)
    check_claims(exe, source, schemas, files)
    if failures:
        print(f"{len(failures)} problem(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
