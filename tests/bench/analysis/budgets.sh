#!/usr/bin/env bash
# The analysis budgets (issue 20, item 3): rulebooks that once ran for
# minutes or out of memory, linted under a 2 GB address-space limit. Prints a
# Markdown table: wall time, peak RSS, exit code, notes. Not run by
# `make test` (the suite checks the same inputs' exit codes and memory, not
# their time: tests/unit/findings_cap_test.cpp, limits_test.cpp).
#
#   tests/bench/analysis/budgets.sh BUILD_DIR
#   BENCH_TMP=/tmp/fineprint-bench-budgets   where the inputs go (a few MB)
set -euo pipefail
build=${1:?usage: budgets.sh BUILD_DIR}
exe=$(cd "$build" && pwd)/fineprint
tmp=${BENCH_TMP:-/tmp/fineprint-bench-budgets}
mkdir -p "$tmp"

python3 - "$tmp" <<'PY'
import sys
tmp = sys.argv[1]
store = '[store]\nname = "S"\ncurrency = "EUR"\ntimezone = "Europe/Riga"\nchannels = ["web", "store"]\n'
# 8,000 identical promotions (1 MB): the shadowing checks' run budget.
with open(f"{tmp}/identical-8000.toml", "w") as out:
    out.write(store)
    for i in range(8000):
        out.write(f'[[promotion]]\nid = "P{i}"\ntitle = "t"\nstarts = 2026-12-01\n'
                  f'ends = 2027-01-01\npercent_off = 10\n')
# A catalog of 85,000 categories and 640 rules (~1 MB): boxes of 10 KB.
with open(f"{tmp}/catalog-85000.toml", "w") as out:
    out.write(store + "[catalog]\ncategories = [\n")
    out.write(",\n".join(f'"c{i}"' for i in range(85000)))
    out.write(']\n[returns]\nhit_policy = "first"\nwindow_from = "delivery"\n')
    for i in range(640):
        out.write(f'[[returns.rule]]\nid = "R{i}"\nwhen = {{ category = ["c{i * 131 % 85000}", '
                  f'"c{i * 977 % 85000}"], days = {{ max = {i % 60} }}, returns_90d = '
                  f'{{ max = {i % 9} }} }}\noutcome = "refund"\n')
    out.write('[returns.otherwise]\noutcome = "review"\nbecause = "x"\n')
# 7,000 asserts (~600 KB).
with open(f"{tmp}/asserts-7000.toml", "w") as out:
    out.write(store + '[returns]\nhit_policy = "first"\nwindow_from = "delivery"\n'
              '[[returns.rule]]\nid = "R"\nwhen = { days = { max = 30 } }\noutcome = "refund"\n'
              '[returns.otherwise]\noutcome = "deny"\nbecause = "x"\n')
    for i in range(7000):
        out.write(f'[[assert]]\nid = "A{i}"\nwhen = {{ days = {{ max = {i % 40} }}, '
                  f'category = ["c{i}"] }}\noutcome_in = ["refund"]\n')
PY

echo "| input | wall | peak RSS | exit | notes |"
echo "|---|---:|---:|---:|---:|"
for name in identical-8000 catalog-85000 asserts-7000; do
  f="$tmp/$name.toml"
  set +e
  /usr/bin/time -f "%e %M" -o "$tmp/time" prlimit --as=2147483648 -- \
    "$exe" lint --format json --max-findings 3 "$f" > "$tmp/out.json"
  code=$?
  set -e
  read -r wall rss < <(tail -n 1 "$tmp/time")
  notes=$( (grep -o '"severity": *"note"' "$tmp/out.json" || true) | wc -l)
  echo "| $name ($(du -k "$f" | cut -f1) KB) | ${wall} s | $((rss / 1024)) MB | $code | $notes |"
done
