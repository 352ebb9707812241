#!/usr/bin/python3
"""Writes the published, self-contained JSON Schemas of schemas/standalone/
from the maintained ones of schemas/ (issue 18).

usage: standalone.py SOURCE_DIR [--check]

The maintained schemas (schemas/*.schema.json) are written for people: draft
2020-12 with shared `$defs`, `$ref`s with a description beside them, a
returns rule that is an outcome plus `unevaluatedProperties`, a policy test
that refers to the claim schema's file. Editors read schemas as draft 7
(Taplo, the engine of Even Better TOML, ignores a `$ref`'s siblings and
`unevaluatedProperties`, and cannot follow a reference to another file), so
what is published — embedded for `fineprint schema`, installed in
/usr/share/fineprint/schemas/, named in docs/editor.md — is this mechanical
rewrite of each, one file per document:

- every `$ref` (local or to a sibling file) is replaced by what it points
  at, with the keys written beside it merged in: a description, default or
  title beside it wins, `properties` are joined (a key twice is an error),
  `required` lists joined;
- `unevaluatedProperties: false` becomes `additionalProperties: false`, right
  once the `$ref`'s properties are merged in;
- `$defs` are dropped (nothing refers to them any more) and `$schema`
  becomes draft 7; no draft 2019+ keyword may remain.

Then each object with `properties` must be closed (`additionalProperties:
false`), or this fails. `--check` writes nothing and fails when a file of
schemas/standalone/ differs from a fresh generation (ctest
schemas.standalone); `make regenerate` rewrites them.
"""
import copy
import json
import sys
from pathlib import Path

# The reader of schemas/ that the docs' key tables use: files by name, $refs.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "tools"))
from schema_tables import Error, Schemas  # noqa: E402

DRAFT7 = "http://json-schema.org/draft-07/schema#"
# Beside a $ref, these describe the use, so they win over the target's own.
ANNOTATIONS = ("title", "description", "default", "examples")
# Keywords a draft 7 reader does not know: none may survive the rewrite.
LATER_DRAFTS = ("$defs", "unevaluatedProperties", "unevaluatedItems", "dependentRequired",
                "dependentSchemas", "prefixItems", "$anchor", "$dynamicRef", "minContains",
                "maxContains")


def merge(target, siblings, where):
    """The $ref's target with the keys written beside the $ref merged in;
    the annotations come first, as they are written in the maintained form."""
    out = {key: siblings.get(key, target.get(key)) for key in ("$schema",) + ANNOTATIONS
           if key in siblings or key in target}
    out.update((key, value) for key, value in target.items() if key not in out)
    for key, value in siblings.items():
        if key in out and key in ("$schema",) + ANNOTATIONS:
            continue
        if key not in out:
            out[key] = value
        elif key == "properties":
            for name, schema in value.items():
                if name in out["properties"]:
                    raise Error(f"{where}: property `{name}` both beside and behind a $ref")
                out["properties"][name] = schema
        elif key == "required":
            out["required"] = out["required"] + [k for k in value if k not in out["required"]]
        elif out[key] != value:
            raise Error(f"{where}: `{key}` both beside and behind a $ref, differently")
    if out.pop("unevaluatedProperties", True) is False:
        out["additionalProperties"] = False
    return out


def inline(schemas, file, node, where, seen=()):
    if isinstance(node, list):
        return [inline(schemas, file, item, f"{where}/{i}", seen) for i, item in enumerate(node)]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("$defs", "$ref"):
            continue
        # The names under properties are data, not keywords.
        if key in ("properties",):
            out[key] = {k: inline(schemas, file, v, f"{where}/{key}/{k}", seen)
                        for k, v in value.items()}
        else:
            out[key] = inline(schemas, file, value, f"{where}/{key}", seen)
    if "$ref" not in node:
        if out.pop("unevaluatedProperties", True) is False:
            out["additionalProperties"] = False
        return out
    ref = node["$ref"]
    if (file, ref) in seen:
        raise Error(f"{where}: $ref {ref} refers to itself")
    target_file, _, target = schemas.follow(file, ref)
    target = inline(schemas, target_file, copy.deepcopy(target), f"{target_file}#{ref}",
                    seen + ((file, ref),))
    return merge(target, out, where)


def check_closed(node, where, problems, predicate=False):
    """Every object a document holds is closed; a predicate (the schemas
    under `if`, `not`, `contains`) only tests a value and stays open."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_closed(item, f"{where}/{i}", problems, predicate)
        return
    if not isinstance(node, dict):
        return
    for keyword in LATER_DRAFTS:
        if keyword in node:
            problems.append(f"{where}: `{keyword}` is not draft 7")
    if "properties" in node and "additionalProperties" not in node and not predicate:
        problems.append(f"{where}: an object with properties but no additionalProperties")
    for key, value in node.items():
        if key == "properties":
            for name, schema in value.items():
                check_closed(schema, f"{where}/properties/{name}", problems, predicate)
        elif key not in ("enum", "const", "default", "examples", "required"):
            check_closed(value, f"{where}/{key}", problems,
                         predicate or key in ("if", "not", "contains"))


def standalone(schemas, file):
    document = inline(schemas, file, copy.deepcopy(schemas.load(file)), file)
    document = {"$schema": DRAFT7, **{k: v for k, v in document.items() if k != "$schema"}}
    problems = []
    check_closed(document, file, problems)
    if problems:
        raise Error("\n".join(problems))
    return dump(document) + "\n"


def dump(value, indent=""):
    """JSON with two-space indents, a list of plain values on one line."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dump(v, inner)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[\n" + ",\n".join(inner + dump(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    if len(args) != 1:
        print(__doc__)
        return 2
    folder = Path(args[0]) / "schemas"
    out_dir = folder / "standalone"
    schemas = Schemas(Path(args[0]))
    stale = []
    try:
        names = sorted(p.name for p in folder.glob("*.schema.json"))
        for name in names:
            text = standalone(schemas, name)
            path = out_dir / name
            old = path.read_text(encoding="utf-8") if path.exists() else None
            if old != text:
                stale.append(name)
                if not check:
                    out_dir.mkdir(exist_ok=True)
                    path.write_text(text, encoding="utf-8")
        extra = sorted(p.name for p in out_dir.glob("*.schema.json") if p.name not in names)
    except Error as error:
        print(f"FAIL: {error}")
        return 1
    if check:
        for name in stale:
            print(f"FAIL: schemas/standalone/{name} is out of date with schemas/{name}: "
                  f"run `make regenerate` (or schemas/standalone.py .)")
        for name in extra:
            print(f"FAIL: schemas/standalone/{name} has no schemas/{name}")
        if stale or extra:
            return 1
        print(f"schemas/standalone/: {len(names)} self-contained draft 7 schemas, up to date")
    else:
        for name in stale:
            print(f"wrote schemas/standalone/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
