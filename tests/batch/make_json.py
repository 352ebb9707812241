#!/usr/bin/env python3
"""Regenerates tests/batch/json/: the JSON form (docs/format.md §2.5) of every claim
under examples/claims and tests/claims, for the batch tests. Run from the
repository root when a TOML claim is added or changed; the tests themselves
never run Python. Local date-times (no offset) are resolved in the store's
zone, as the TOML reader does; money stays a string."""
import datetime
import json
import pathlib
import tomllib
import zoneinfo

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "batch" / "json"


def rulebook_zone(rules: pathlib.Path) -> str:
    files = sorted(rules.rglob("*.toml")) if rules.is_dir() else [rules]
    for f in files:
        if "tests" in f.relative_to(rules if rules.is_dir() else rules.parent).parts:
            continue
        data = tomllib.loads(f.read_text())
        if "store" in data and "timezone" in data["store"]:
            return data["store"]["timezone"]
    raise SystemExit(f"no store timezone in {rules}")


def convert(value, zone):
    if isinstance(value, dict):
        return {k: convert(v, zone) for k, v in value.items()}
    if isinstance(value, list):
        return [convert(v, zone) for v in value]
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        text = value.isoformat()
        return text.replace("+00:00", "Z") if value.utcoffset() == datetime.timedelta(0) else text
    return value


def claims():
    for entry in sorted((ROOT / "examples" / "claims").iterdir()):
        if entry.is_dir():
            for inner in sorted(entry.glob("*.toml")):
                if inner.name != "rulebook.toml":
                    yield inner, entry / "rulebook.toml"
        elif entry.suffix == ".toml":
            yield entry, ROOT / "rules"
    for case in sorted((ROOT / "tests" / "claims").iterdir()):
        if not (case / "claim.toml").exists():
            continue
        rules = case / "rulebook.toml"
        if (case / "rules").is_file():
            rules = ROOT / (case / "rules").read_text().strip()
        yield case / "claim.toml", rules


for claim, rules in claims():
    data = tomllib.loads(claim.read_text())
    data.pop("expect", None)
    out = OUT / claim.relative_to(ROOT).with_suffix(".json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(convert(data, rulebook_zone(rules)), ensure_ascii=False) + "\n")
    print(out.relative_to(ROOT))
