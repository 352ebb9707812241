#!/usr/bin/python3
"""Rewrites what is generated from the lint rule registry, after a rule is
added, renamed or documented anew (HACKING.md, "Add a lint rule"):

  registry_outputs.py FINEPRINT SOURCE_DIR

- docs/lint-rules.md: the output of `FINEPRINT rules --format markdown`;
- the `suppressibleRule` enum of schemas/rulebook.schema.json: the rules an
  `allow` table may name, from `FINEPRINT rules --format json`, in registry
  order (the rest of the schema file is left byte for byte).

The tests "docs/lint-rules.md is the registry's documentation, word for word"
and "the rulebook schema's suppressibleRule enum is the registry's" fail until
this has run; `make regenerate` runs it. Only the standard library.

Exit 0: written; 2: bad input.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ENUM = re.compile(r'("suppressibleRule": \{\n(?:.*\n)*?\s*"enum": \[)\n(?:.*\n)*?(\s*)\]', re.M)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[3].strip(), file=sys.stderr)
        return 2
    fineprint, source = argv[1], Path(argv[2])
    markdown = subprocess.run([fineprint, "rules", "--format", "markdown"], check=True,
                              capture_output=True, text=True).stdout
    (source / "docs" / "lint-rules.md").write_text(markdown, encoding="utf-8")

    rules = json.loads(subprocess.run([fineprint, "rules", "--format", "json"], check=True,
                                      capture_output=True, text=True).stdout)
    names = [rule["name"] for rule in rules if rule["suppressible"]]
    schema_path = source / "schemas" / "rulebook.schema.json"
    schema = schema_path.read_text(encoding="utf-8")
    match = ENUM.search(schema)
    if not match:
        print(f"{schema_path}: no $defs/suppressibleRule enum found", file=sys.stderr)
        return 2
    indent = match.group(2) + "  "
    listed = ",\n".join(f'{indent}"{name}"' for name in names)
    schema = schema[:match.start()] + f"{match.group(1)}\n{listed}\n{match.group(2)}]" + schema[match.end():]
    schema_path.write_text(schema, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
