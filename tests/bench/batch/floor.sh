#!/usr/bin/env bash
# Issue 19: the measured floor of `batch`. On the same generated claims, in
# one run: parse-only (fineprint_parse_only: the same chunked reading and
# simdjson On Demand pass over every value, no decision), write-only
# (fineprint_write_only: the records of a first batch run, held in memory,
# written the same way batch writes them) and `batch` itself, each under
# /usr/bin/time, output to /dev/null. Prints a Markdown table and, per kind,
# batch's CPU time over the floor's (parse-only + write-only). Not run by
# `make test`.
#
#   tests/bench/batch/floor.sh BUILD_DIR     (configured with -DFINEPRINT_BENCH=ON)
#   BENCH_CLAIMS=1000000            claims per run (at most 1M: one generated file)
#   BENCH_THREADS="1 2"             batch's thread counts
#   BENCH_KINDS="returns mixed"     return-only and mixed claims
#   BENCH_TMP=/tmp/fineprint-bench  where the generated claims go (as run.sh)
set -euo pipefail
build=${1:?usage: floor.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
n=${BENCH_CLAIMS:-1000000}
threads_list=${BENCH_THREADS:-"1 2"}
tmp=${BENCH_TMP:-/tmp/fineprint-bench}
exe=$build/fineprint
mkdir -p "$tmp"
cd "$root"

stats=$tmp/floor-time.txt
timed() {  # timed LABEL THREADS INPUT COMMAND...: one table row
  local label=$1 t=$2 input=$3
  shift 3
  /usr/bin/time -f "%e %U %S %M" -o "$stats" "$@" <"$input" >/dev/null 2>"$tmp/floor-stderr.txt"
  read -r wall user sys rss <"$stats"
  awk -v l="$label" -v k="$kind" -v t="$t" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$n" \
    'BEGIN { printf "| %s | %s | %s | %.2f | %.2f | %.0f | %.0f | %.1f |\n", k, l, t, w, u + s, n / w, n / (u + s > 0 ? u + s : 0.01), r / 1024 }'
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
}

echo "| kind | program | threads | wall s | CPU s | claims/s (wall) | claims/s (CPU) | peak RSS MB |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
ratios=()
for kind in ${BENCH_KINDS:-returns mixed}; do
  full=$tmp/$kind-1M.jsonl
  if [ ! -s "$full" ]; then
    if [ "$kind" = returns ]; then "$build/fineprint_claimgen" 1000000 --returns-only >"$full"; else "$build/fineprint_claimgen" 1000000 >"$full"; fi
  fi
  input=$tmp/$kind-floor.jsonl
  head -n "$n" "$full" >"$input"
  # The records written: those of a first batch run, 10,000 held in memory.
  head -n 10000 "$input" | "$exe" batch --rules rules --threads 1 >"$tmp/$kind-records.jsonl" 2>/dev/null
  timed parse-only 1 "$input" "$build/fineprint_parse_only"
  parse_cpu=$cpu
  timed write-only 1 /dev/null "$build/fineprint_write_only" "$tmp/$kind-records.jsonl" "$n"
  write_cpu=$cpu
  for t in $threads_list; do
    timed batch "$t" "$input" "$exe" batch --rules rules --threads "$t"
    grep -q ' 0 invalid' "$tmp/floor-stderr.txt" || { echo "invalid claims in the input:" >&2; cat "$tmp/floor-stderr.txt" >&2; exit 1; }
    ratios+=("$(awk -v k="$kind" -v t="$t" -v b="$cpu" -v p="$parse_cpu" -v w="$write_cpu" \
      'BEGIN { printf "%s, batch --threads %s: CPU %.2f s = %.1f× the floor (parse-only %.2f s + write-only %.2f s)", k, t, b, b / (p + w), p, w }')")
  done
done
echo
printf '%s\n' "${ratios[@]}"
