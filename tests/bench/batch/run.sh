#!/usr/bin/env bash
# `make bench` (batch part): throughput of `fineprint batch` on generated
# claims for the bundled rulebook, peak RSS, and the latency of one `resolve`
# as a whole process. Prints a Markdown table. Not run by `make test`.
#
#   tests/bench/batch/run.sh BUILD_DIR
#   BENCH_SIZES="1000000 10000000"  claim counts (default)
#   BENCH_THREADS="1 2"             thread counts (default)
#   BENCH_KINDS="returns mixed"     return-only and mixed claims (default both)
#   BENCH_TMP=/tmp/fineprint-bench  where the generated claims go (~1.4 GB)
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
sizes=${BENCH_SIZES:-"1000000 10000000"}
threads_list=${BENCH_THREADS:-"1 2"}
tmp=${BENCH_TMP:-/tmp/fineprint-bench}
exe=$build/fineprint
gen=$build/fineprint_claimgen
mkdir -p "$tmp"
cd "$root"

# One generated million, repeated: 10M claims never sit on disk at once.
block=1000000
for kind in mixed returns; do
  file=$tmp/$kind-1M.jsonl
  if [ ! -s "$file" ]; then
    if [ $kind = returns ]; then "$gen" $block --returns-only >"$file"; else "$gen" $block >"$file"; fi
  fi
done

feed() {  # feed FILE COUNT: COUNT claims from FILE (COUNT a multiple of 1M, or less)
  local file=$1 count=$2
  if [ "$count" -le $block ]; then head -n "$count" "$file"; return; fi
  for _ in $(seq $((count / block))); do cat "$file"; done
}

echo "| claims | kind | threads | wall s | CPU s | claims/s | input MB/s | peak RSS MB |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for kind in ${BENCH_KINDS:-returns mixed}; do
  file=$tmp/$kind-1M.jsonl
  bytes_per_block=$(stat -c %s "$file")
  for n in $sizes; do
    for t in $threads_list; do
      stats=$tmp/time.txt
      feed "$file" "$n" | /usr/bin/time -f "%e %U %S %M" -o "$stats" \
        "$exe" batch --rules rules --threads "$t" >/dev/null 2>"$tmp/stderr.txt" || true
      read -r wall user sys rss <"$stats"
      if [ "$n" -le $block ]; then bytes=$(feed "$file" "$n" | wc -c); else bytes=$((bytes_per_block * n / block)); fi
      awk -v n="$n" -v k="$kind" -v t="$t" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" \
        'BEGIN { printf "| %d | %s | %d | %.2f | %.2f | %.0f | %.1f | %.1f |\n", n, k, t, w, u + s, n / w, b / w / 1e6, r / 1024 }'
      grep -q ' 0 invalid' "$tmp/stderr.txt" || { echo "invalid claims in the generated input:" >&2; cat "$tmp/stderr.txt" >&2; exit 1; }
    done
  done
done

# resolve of one claim as a whole process: median of 20 runs.
claim=examples/claims/washed-wool-hat.toml
times=()
for _ in $(seq 20); do
  start=$(date +%s%N)
  "$exe" resolve --rules rules "$claim" >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000)))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n '10p;11p' | awk '{ s += $1 } END { printf "%.2f", s / 2 / 1000 }')
echo
echo "resolve of one claim (whole process, median of 20): ${median} ms"
