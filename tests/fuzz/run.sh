#!/usr/bin/env bash
# Runs the libFuzzer targets built in BUILD_DIR (FINEPRINT_FUZZ=ON):
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# Each target runs SECONDS under ASan+UBSan, from its growing corpus in
# BUILD_DIR/fuzz/corpus/<target> plus fresh seeds (seeds.sh), with its
# dictionary. FUZZ_JOBS=N runs N targets at once (default 1).
# A crash, hang (>10 s on one input), leak or broken property stops that
# target, keeps the input in BUILD_DIR/fuzz/artifacts/ and fails the run:
# copy the input into tests/regress/<target>/ once it is fixed.
# One line per target goes to BUILD_DIR/fuzz/summary.txt: seconds, runs,
# runs/s, coverage (libFuzzer's cov: edges and ft: features), corpus size.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "$1" && pwd)"
seconds="$2"
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rulebook claim_toml claim_jsonl values order_import snapshot)
jobs="${FUZZ_JOBS:-1}"

work="$build/fuzz"
mkdir -p "$work/artifacts" "$work/logs"
"$root/tests/fuzz/seeds.sh" "$work/seeds" >/dev/null
# exitcode 86: a sanitizer report is never mistaken for an ordinary exit.
export ASAN_OPTIONS="${ASAN_OPTIONS:-exitcode=86:detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-exitcode=86:print_stacktrace=1:halt_on_error=1}"
export TZ=UTC

run_one() {
  local t="$1" log="$work/logs/$1.log"
  mkdir -p "$work/corpus/$t"
  local status=0
  "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -dict="$root/tests/fuzz/dict/$t.dict" -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t-" "$work/corpus/$t" "$work/seeds/$t" >"$log" 2>&1 ||
    status=$?
  local runs rate cov ft corpus
  # (|| true: a run that died before its first status line has none of these)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  corpus=$(find "$work/corpus/$t" -type f | wc -l)
  local line
  line=$(printf '%s %-11s %5ss %9s runs %6s/s cov %5s ft %6s corpus %5s %s' \
    "$(date -u +%FT%TZ)" "$t" "$seconds" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
    "$corpus" "$([ $status = 0 ] && echo ok || echo "FAILED (exit $status)")")
  echo "$line" | tee -a "$work/summary.txt"
  if [ $status != 0 ]; then
    echo "fuzz_$t failed; the input is in $work/artifacts/, the log in $log:" >&2
    grep -E 'ERROR|SUMMARY|property broken|runtime error|Test unit written' "$log" | head -20 >&2
    return 1
  fi
}

failed=0
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
