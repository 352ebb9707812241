#!/usr/bin/python3
"""Writes the field tables of docs/*.md from the JSON Schemas in schemas/.

  schema_tables.py SOURCE_DIR           rewrite every generated table in place
  schema_tables.py SOURCE_DIR --check   exit 1, printing a diff, when a page differs

A table is generated between two marker lines, for the object the first names:

  <!-- generated from schemas/claim.schema.json#/$defs/order: do not edit -->
  <!-- end generated -->

One row per key, in the schema's order: the key, its type, whether it is
required, and its `description` (then its `default`). Keys an object takes
from a `$ref` (a rule's outcome keys) follow its own. Everything else in the
page is written by hand. The schemas are the one source of the field lists, so
the reference cannot drift from them; `ctest -R docs.schema-tables` runs
--check. Only the standard library: no jsonschema needed.

Exit 0: written or equal; 1: --check found a difference; 2: bad input.
"""

import difflib
import json
import re
import sys
from pathlib import Path

MARKER = re.compile(r"^<!-- generated from (schemas/[\w.-]+\.schema\.json)#(/[^:]*)?: do not edit -->$")
END = "<!-- end generated -->"

# Value types with a name of their own in docs/format.md §1.3: a reference to
# one of these $defs prints the name, not the structure.
NAMED = {
    "money": "money",
    "percent": "percent",
    "instant": "instant",
    "dateTime": "date-time",
    "id": "id",
    "names": "array of strings",
    "integerRange": "range of integers",
    "moneyRange": "range of money",
    "count": "integer ≥ 0",
    "allow": "table: lint rule → reason",
    "optionalString": "string or null",
    "text": "text",
    "language": "language",
}


class Error(Exception):
    pass


class Schemas:
    def __init__(self, source):
        self.source = source
        self.files = {}

    def load(self, name):
        if name not in self.files:
            path = self.source / "schemas" / name
            try:
                self.files[name] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as e:
                raise Error(f"{path}: {e}") from e
        return self.files[name]

    def resolve(self, name, pointer):
        """The schema at name#pointer (a JSON Pointer), with the file it is in."""
        node = self.load(name)
        for part in [p for p in (pointer or "").split("/") if p]:
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                raise Error(f"schemas/{name}#{pointer}: no such node")
            node = node[part]
        return name, node

    def follow(self, name, ref):
        """A $ref, relative to the file `name`: (file, pointer, schema)."""
        target, _, pointer = ref.partition("#")
        target = target or name
        return target, pointer, self.resolve(target, pointer)[1]


def code(value):
    return "`" + json.dumps(value, ensure_ascii=False) + "`"


def type_of(schemas, name, schema):
    if "$ref" in schema:
        file, pointer, target = schemas.follow(name, schema["$ref"])
        short = pointer.rsplit("/", 1)[-1]
        if pointer.startswith("/$defs/") and short in NAMED:
            return NAMED[short]
        return type_of(schemas, file, target)
    if "const" in schema:
        return code(schema["const"])
    if "enum" in schema:
        return " or ".join(code(v) for v in schema["enum"]) if len(schema["enum"]) <= 2 \
            else "one of " + ", ".join(code(v) for v in schema["enum"])
    for key in ("oneOf", "anyOf"):
        if key in schema and "type" not in schema:
            names = [type_of(schemas, name, alt) for alt in schema[key]]
            return " or ".join(dict.fromkeys(names))
    kind = schema.get("type")
    if isinstance(kind, list):
        return " or ".join(type_of(schemas, name, {"type": k}) for k in kind)
    if kind == "boolean":
        return "bool"
    if kind == "null":
        return "null"
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return f"integer {low}–{high}"
        return f"integer ≥ {low}" if low is not None else "integer"
    if kind == "string":
        return "string"
    if kind == "array":
        items = schema.get("items", {})
        inner = type_of(schemas, name, items)
        text = f"array of {plural(inner)}" if re.fullmatch(r"[a-z-]+", inner) else f"array, each {inner}"
        if schema.get("minItems"):
            text += f", at least {schema['minItems']}"
        return text
    if kind == "object":
        values = schema.get("additionalProperties")
        if isinstance(values, dict) and "properties" not in schema:
            return f"table: key → {type_of(schemas, name, values)}"
        return "table"
    raise Error(f"schemas/{name}: cannot name the type of {json.dumps(schema)[:120]}")


def plural(text):
    return text if text == "money" else text + "s"


def object_parts(schemas, name, schema):
    """(properties in order, required, conditionally required) of an object
    schema, following a top-level $ref the way unevaluatedProperties does."""
    properties, required, conditional = [], set(), set()
    while True:
        for key, value in schema.get("properties", {}).items():
            if key not in (k for k, _, _ in properties):
                properties.append((key, name, value))
        required |= set(schema.get("required", []))
        branches = [schema] + list(schema.get("allOf", []))
        for branch in branches:
            then = branch.get("then", {})
            conditional |= set(then.get("required", []))
            for alt in then.get("anyOf", []):
                conditional |= set(alt.get("required", []))
        if "$ref" not in schema:
            break
        name, _, schema = schemas.follow(name, schema["$ref"])
    if not properties:
        raise Error(f"schemas/{name}: the marker names no object with properties")
    return properties, required, conditional - required


def description(schemas, name, schema):
    text = schema.get("description")
    if text is None and "$ref" in schema:
        file, pointer, target = schemas.follow(name, schema["$ref"])
        if pointer.rsplit("/", 1)[-1] not in NAMED:
            text = target.get("description")
    text = (text or "").strip()
    if "default" in schema:
        text = (text + " " if text else "") + f"Default: {code(schema['default'])}."
    return text


def cell(text):
    return text.replace("|", "\\|")


def table(schemas, name, pointer, page):
    """The rows for the object at name#pointer, for the page docs/`page`: a
    description citing a section of that page cites just the section."""
    name, schema = schemas.resolve(name, pointer)
    properties, required, conditional = object_parts(schemas, name, schema)
    rows = ["| key | type | required | meaning |", "|---|---|---|---|"]
    for key, file, value in properties:
        need = "yes" if key in required else "depends" if key in conditional else "no"
        meaning = description(schemas, file, value).replace(f"docs/{page} §", "§")
        if not meaning:
            raise Error(f"schemas/{file}: `{key}` of #{pointer or '/'} has no description")
        rows.append(f"| `{key}` | {cell(type_of(schemas, file, value))} | {need} | {cell(meaning)} |")
    return rows


def regenerate(schemas, path):
    lines = path.read_text(encoding="utf-8").split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        match = MARKER.match(line)
        if not match:
            continue
        end = next((j for j in range(i, len(lines)) if lines[j] == END), None)
        if end is None:
            raise Error(f"{path}:{i}: a generated table without `{END}`")
        out += table(schemas, match.group(1).removeprefix("schemas/"), match.group(2), path.name)
        out.append(END)
        i = end + 1
    return "\n".join(out)


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    if len(args) != 1:
        print(__doc__)
        return 2
    source = Path(args[0]).resolve()
    schemas = Schemas(source)
    differs = False
    try:
        for path in sorted((source / "docs").glob("*.md")):
            old = path.read_text(encoding="utf-8")
            if "<!-- generated from schemas/" not in old:
                continue
            new = regenerate(schemas, path)
            if new == old:
                continue
            rel = path.relative_to(source)
            if check:
                differs = True
                sys.stdout.writelines(difflib.unified_diff(
                    old.splitlines(True), new.splitlines(True), f"{rel} (committed)",
                    f"{rel} (from schemas/)"))
                print(f"FAIL: {rel} is out of date with schemas/: run "
                      f"`python3 docs/tools/schema_tables.py .` and commit the result")
            else:
                path.write_text(new, encoding="utf-8")
                print(f"wrote {rel}")
    except Error as e:
        print(f"schema_tables.py: {e}", file=sys.stderr)
        return 2
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
