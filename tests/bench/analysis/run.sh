#!/bin/sh
# Benchmark driver for the exact analysis (not a ctest test): generates
# rulebooks of N promotions plus a 1,000-rule returns table and times
# the whole `fineprint lint --format json` on them. Best of 3 wall-clock runs.
# For the analysis alone, per part, use bench_analysis.cpp.
#
# usage: [OPEN=50] tests/bench/analysis/run.sh [FINEPRINT_EXE] [N...]
#   OPEN: promotions open at once (gen_rulebook.py; 0 = all within two years)
#   FINEPRINT_EXE defaults to build-bench/fineprint (a Release build:
#   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build-bench)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exe=${1:-build-bench/fineprint}
[ $# -gt 0 ] && shift
sizes=${*:-1000 2000 5000 10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best() {  # best of 3 wall-clock seconds of "$@", output discarded
  b=""
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  printf '%.2f' "$b"
}

echo "| promotions | returns rules | lint --format json (s) | summary |"
echo "|---:|---:|---:|---|"
for n in $sizes; do
  f="$work/bench-$n.toml"
  python3 "$here/gen_rulebook.py" "$n" 1000 1 0.1 "${OPEN:-50}" > "$f"
  full=$(best "$exe" lint "$f" --format json)
  summary=$("$exe" lint "$f" 2>/dev/null | tail -1 || true)
  echo "| $n | 1000 | $full | $summary |"
done
