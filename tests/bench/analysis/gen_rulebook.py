#!/usr/bin/env python3
"""Writes a large single-file rulebook for benchmarking the exact analysis:
N promotions (random but realistic windows, scopes, channels, codes,
segments, thresholds and priorities) and a returns table of R rules.

usage: gen_rulebook.py N [R] [SEED] [COMBINABLE] [OPEN] > rulebook.toml
COMBINABLE is the share of promotions with `combinable = true` (default 0.1).
OPEN is how many promotions are open at once on average: 0 (the default)
puts every window in two years, so it grows with N (about 220 at
N = 10,000); a number spreads the windows over as many years as that takes.
Deterministic for given arguments."""
import random
import sys
from datetime import datetime, timedelta, timezone

n = int(sys.argv[1])
r = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
combinable_share = float(sys.argv[4]) if len(sys.argv) > 4 else 0.1
open_at_once = int(sys.argv[5]) if len(sys.argv) > 5 else 0
span = 730 if open_at_once == 0 else max(30, n * 17 // open_at_once)

TZ = timezone(timedelta(hours=2))  # Riga winter time; offsets are explicit anyway
CATEGORIES = [f"cat-{i:02}" for i in range(60)]
SKUS = [f"SKU-{i:04}" for i in range(2000)]
CHANNELS = ["web", "store", "app"]
SEGMENTS = ["vip", "staff", "student", "loyalty", "b2b"]
CONDITIONS = ["sealed", "opened", "used", "washed", "damaged"]
REASONS = ["changed_mind", "defective", "damaged_in_transit", "wrong_item", "not_as_described", "late_delivery"]
DAY_BOUNDS = [0, 7, 14, 30, 60, 90, 180, 365, 730]


def q(values):
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def instant(day):
    t = datetime(2026, 1, 1, tzinfo=TZ) + timedelta(days=day)
    return t.isoformat()


out = []
out.append("""[store]
name = "Bench Shop"
currency = "EUR"
timezone = "Europe/Riga"
channels = ["web", "store", "app"]
distance_channels = ["web", "app"]
jurisdiction = "EU"
""")

for i in range(n):
    start = rng.randrange(0, span)
    length = rng.randrange(3, 31)
    lines = [f"[[promotion]]", f'id = "P{i:05}"', f'title = "Promotion {i}"',
             f"starts = {instant(start)}", f"ends = {instant(start + length)}"]
    if rng.random() < 0.5:
        lines.append(f"channels = {q(rng.sample(CHANNELS, rng.randrange(1, 3)))}")
    if rng.random() < 0.2:
        lines.append(f'code = "CODE{i:05}"')
    if rng.random() < 0.1:
        lines.append(f"segments = {q(rng.sample(SEGMENTS, rng.randrange(1, 3)))}")
    if rng.random() < 0.05:
        lines.append("first_order_only = true")
    kind = rng.random()
    if kind < 0.6:
        lines.append(f"products = {{ categories = {q(rng.sample(CATEGORIES, rng.randrange(1, 3)))} }}")
    elif kind < 0.85:
        lines.append(f"products = {{ skus = {q(rng.sample(SKUS, rng.randrange(1, 6)))} }}")
    elif kind < 0.95:
        lines.append(f"products = {{ categories = {q(rng.sample(CATEGORIES, 3))}, "
                     f"exclude_skus = {q(rng.sample(SKUS, 2))} }}")
    if rng.random() < 0.1:
        lines.append(f'min_subtotal = "{rng.choice([25, 50, 100])}.00"')
    if rng.random() < 0.1:
        lines.append(f"limit_per_customer = {rng.randrange(1, 4)}")
    lines.append(f"priority = {rng.randrange(0, 21)}")
    if rng.random() < combinable_share:
        lines.append("combinable = true")
    lines.append(f"percent_off = {rng.choice([5, 10, 15, 20, 25])}")
    out.append("\n".join(lines) + "\n")

out.append("""[returns]
hit_policy = "first"
window_from = "delivery"
refund_basis = "paid"
otherwise = { outcome = "review", because = "A team lead decides." }

[[returns.rule]]
id = "withdrawal"
when = { channel = ["web", "app"], condition = ["sealed", "opened"], days = { max = 14 } }
outcome = "refund"

[[returns.rule]]
id = "guarantee"
when = { reason = ["defective", "damaged_in_transit", "wrong_item", "not_as_described"], condition = ["sealed", "opened", "used"], days = { max = 730 } }
outcome = "repair_or_replace"
""")
for i in range(r - 2):
    when = [f"category = {q([CATEGORIES[i % len(CATEGORIES)]])}"]
    if rng.random() < 0.6:
        when.append(f"condition = {q(rng.sample(CONDITIONS, rng.randrange(1, 4)))}")
    if rng.random() < 0.5:
        when.append(f"reason = {q(rng.sample(REASONS, rng.randrange(1, 4)))}")
    if rng.random() < 0.6:
        a, b = sorted(rng.sample(DAY_BOUNDS, 2))
        when.append(f"days = {{ min = {a + 1}, max = {b} }}")
    if rng.random() < 0.3:
        when.append(f"channel = {q(rng.sample(CHANNELS, rng.randrange(1, 3)))}")
    if rng.random() < 0.15:
        when.append(f"has_receipt = {rng.choice(['true', 'false'])}")
    if rng.random() < 0.1:
        when.append(f'unit_price = {{ min = "{rng.choice([10, 50, 100, 500])}.00" }}')
    outcome = rng.choice(["refund", "store_credit", "exchange", "deny", "review"])
    body = [f"[[returns.rule]]", f'id = "r{i:04}"', "when = { " + ", ".join(when) + " }", f'outcome = "{outcome}"']
    if outcome in ("deny", "review"):
        body.append('because = "Store policy."')
    out.append("\n".join(body) + "\n")

sys.stdout.write("\n".join(out))
