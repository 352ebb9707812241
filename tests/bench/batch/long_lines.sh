#!/usr/bin/env bash
# Long lines through `fineprint batch` (issue 20): one line of 50, 100 and
# 200 MB (past the 16 MiB bound, so refused, the rest of it skipped) followed
# by one valid claim, and a stream of zeros without any line end. Prints a
# Markdown table: wall time, CPU, peak RSS. Linear reading shows as time
# proportional to size and a flat peak RSS. Not run by `make test`.
#
#   tests/bench/batch/long_lines.sh BUILD_DIR
#   BENCH_LINE_MB="50 100 200"          line sizes in MB (default)
#   BENCH_THREADS="1 2"                 thread counts (default)
#   BENCH_ZERO_GB="1 4"                 sizes of the zero streams, in GiB (default)
#   BENCH_TMP=/tmp/fineprint-bench      where the inputs go (~350 MB)
set -euo pipefail
build=${1:?usage: long_lines.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
exe=$build/fineprint
tmp=${BENCH_TMP:-/tmp/fineprint-bench}
mkdir -p "$tmp"
cd "$root"
claim=$(cat tests/batch/json/examples/claims/washed-wool-hat.json)

echo "| input | threads | wall s | CPU s | MB/s | peak RSS MB | output |"
echo "|---|---:|---:|---:|---:|---:|---|"
run() {  # run LABEL MB THREADS FILE (- : stdin)
  local label=$1 mb=$2 t=$3 file=$4 stats=$tmp/time.txt
  /usr/bin/time -f "%e %U %S %M" -o "$stats" \
    "$exe" batch --rules rules --threads "$t" -i "$file" -o "$tmp/out.jsonl" 2>/dev/null || true
  # (time writes "Command exited with non-zero status 1" first for an invalid line)
  read -r wall user sys rss < <(tail -n 1 "$stats")
  local out
  out="$(wc -l <"$tmp/out.jsonl") lines, $(grep -c '"line":1,"error":"the line is longer' "$tmp/out.jsonl" || true) refused"
  awk -v l="$label" -v t="$t" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v mb="$mb" -v o="$out" \
    'BEGIN { printf "| %s | %d | %.2f | %.2f | %.0f | %.1f | %s |\n", l, t, w, u + s, mb / (w > 0 ? w : 0.01), r / 1024, o }'
}
for mb in ${BENCH_LINE_MB:-50 100 200}; do
  file=$tmp/line-${mb}MB.jsonl
  if [ ! -s "$file" ]; then
    { head -c "${mb}M" /dev/zero | tr '\0' x; printf '\n%s\n' "$claim"; } >"$file"
  fi
  for t in ${BENCH_THREADS:-1 2}; do run "one ${mb} MB line, then a claim" "$mb" "$t" "$file"; done
done
# A valid claim padded with spaces to just under the bound: parsed, decided.
file=$tmp/line-16MiB-valid.jsonl
if [ ! -s "$file" ]; then
  python3 -c "import sys; c=sys.argv[1]; sys.stdout.write(c + ' ' * (16777216 - len(c)) + '\n')" "$claim" >"$file"
fi
for t in ${BENCH_THREADS:-1 2}; do run "a valid claim padded to 16 MiB" 16 "$t" "$file"; done
# Zeros through a pipe: one line without a line end, never held.
for gb in ${BENCH_ZERO_GB:-1 4}; do
  for t in ${BENCH_THREADS:-1 2}; do
    head -c "${gb}G" /dev/zero | run "${gb} GiB of zeros, no line end (pipe)" $((gb * 1024)) "$t" -
  done
done
