#!/usr/bin/env bash
# Deciding as the rulebook's history grows (issue 21): `batch --threads 1`
# on the same generated claims (batch/claimgen.cpp, for the bundled rules/)
# against rulebooks of 10, 1,000, 10,000 and 50,000 promotions: the bundled
# store, returns table and 7 promotions, plus N − 7 generated ones over the
# bundled catalogue (history_promotions.hpp: windows over the years, about 25
# open at once). Prints a Markdown table; not run by `make test`.
#
#   tests/bench/history/run.sh BUILD_DIR
#   BENCH_SIZES="10 1000 10000 50000"  promotions in the rulebook (default)
#   BENCH_CLAIMS=20000                  claims per kind and size (default)
#   BENCH_MIXED_CLAIMS=N                mixed claims (default BENCH_CLAIMS): each
#                                       promotion claim's trace lists every promotion
#   BENCH_KINDS="returns mixed"         return-only and mixed (85/15) claims
#   BENCH_EXE=PATH                      the fineprint to time (default BUILD_DIR/fineprint)
#   BENCH_TMP=/tmp/fineprint-history    where rulebooks and claims go
#
# claims/s is the claims over the time beyond a run with no input (the
# rulebook's loading, timed separately as "load s"); best of BENCH_RUNS (1).
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
exe=${BENCH_EXE:-$build/fineprint}
gen=$build/fineprint_claimgen
rules_gen=$build/fineprint_history_rules
claims=${BENCH_CLAIMS:-20000}
tmp=${BENCH_TMP:-/tmp/fineprint-history}
mkdir -p "$tmp"
cd "$root"

"$gen" "${BENCH_MIXED_CLAIMS:-$claims}" --seed 3 >"$tmp/mixed.jsonl"
"$gen" "$claims" --seed 3 --returns-only >"$tmp/returns.jsonl"

seconds() {  # seconds FILE ARGS...: CPU seconds (user + sys) of fineprint ARGS on FILE
  local input=$1
  shift
  { /usr/bin/time -f "%U %S" -o "$tmp/time.txt" "$exe" "$@" -i "$input" 2>"$tmp/stderr.txt" || true; } |
    wc -c >"$tmp/bytes.txt"
  awk '{ printf "%.3f", $1 + $2 }' "$tmp/time.txt"
}

echo "| promotions | kind | claims | load s | CPU s | claims/s | output bytes/claim |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for n in ${BENCH_SIZES:-10 1000 10000 50000}; do
  dir=$tmp/rules-$n
  mkdir -p "$dir"
  cp rules/store.toml rules/returns.toml "$dir/"
  { cat rules/promotions.toml; echo; "$rules_gen" $((n > 7 ? n - 7 : 0)) 21; } >"$dir/promotions.toml"
  load=$(seconds /dev/null batch --rules "$dir" --threads 1)
  for kind in ${BENCH_KINDS:-returns mixed}; do
    cpu=$(seconds "$tmp/$kind.jsonl" batch --rules "$dir" --threads 1)
    count=$(wc -l <"$tmp/$kind.jsonl")
    grep -q ' 0 invalid' "$tmp/stderr.txt" || { echo "invalid claims:" >&2; cat "$tmp/stderr.txt" >&2; exit 1; }
    bytes=$(cat "$tmp/bytes.txt")
    awk -v n="$n" -v k="$kind" -v c="$count" -v l="$load" -v t="$cpu" -v b="$bytes" \
      'BEGIN { d = t - l; if (d <= 0) d = 0.001; printf "| %d | %s | %d | %.2f | %.2f | %.0f | %.0f |\n", n, k, c, l, t, c / d, b / c }'
  done
done
