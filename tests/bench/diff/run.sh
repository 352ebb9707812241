#!/bin/sh
# Benchmark driver for `fineprint diff` (not a ctest test), two parts:
#  1. two versions of a rulebook of N promotions and a 1,000-rule returns
#     table (analysis/gen_rulebook.py, then edit_rulebook.py: 10 returns
#     rules and 10 promotions changed): the whole `fineprint diff`, wall
#     clock and CPU, best of 3;
#  2. replay: CLAIMS JSON lines (the bundled example claims, repeated) decided
#     by `batch` once and by `diff --claims` under two rulebooks (rules/ and
#     a copy with one rule changed), claims per second, best of 3.
#
# usage: [N=10000] [CLAIMS=1000000] [THREADS=2] tests/bench/diff/run.sh [FINEPRINT_EXE]
#   FINEPRINT_EXE defaults to build/fineprint; run from the repository root.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exe=${1:-build/fineprint}
n=${N:-10000}
claims=${CLAIMS:-1000000}
threads=${THREADS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best() {  # best of 3: "wall user" seconds of "$@", output discarded
  b=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U" -o "$work/time" "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$work/time")
    if [ -z "$b" ] || [ "$(echo "${t% *} < ${b% *}" | bc)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}

python3 "$here/../analysis/gen_rulebook.py" "$n" 1000 1 0.1 50 > "$work/v1.toml"
python3 "$here/edit_rulebook.py" "$work/v1.toml" > "$work/v2.toml"
echo "| promotions | returns rules | diff wall (s) | diff CPU (s) | lint wall (s) |"
echo "|---:|---:|---:|---:|---:|"
d=$(best "$exe" diff "$work/v1.toml" "$work/v2.toml")
l=$(best "$exe" lint "$work/v1.toml" --format json)
echo "| $n | 1000 | ${d% *} | ${d#* } | ${l% *} |"

mkdir -p "$work/rules2"
find rules -maxdepth 1 -type f -exec cp {} "$work/rules2/" \;  # the rulebook with its product catalog
sed -i 's/days = { max = 30 } }/days = { max = 45 } }/' "$work/rules2/returns.toml"
for f in tests/batch/json/examples/claims/*.json; do tr -d '\n' < "$f"; echo; done > "$work/one.jsonl"
per=$(wc -l < "$work/one.jsonl")
: > "$work/claims.jsonl"
i=0
while [ $((i * per)) -lt "$claims" ]; do cat "$work/one.jsonl" >> "$work/claims.jsonl"; i=$((i + 1)); done
total=$(wc -l < "$work/claims.jsonl")
b=$(best "$exe" batch --rules rules --threads "$threads" -i "$work/claims.jsonl" -o /dev/null)
r=$(best "$exe" diff rules "$work/rules2" --threads "$threads" --claims "$work/claims.jsonl")
echo
echo "| claims | threads | batch (s) | batch claims/s | diff --claims (s) | diff claims/s | ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
bw=${b% *}; rw=${r% *}
echo "| $total | $threads | $bw | $(echo "$total / $bw" | bc) | $rw | $(echo "$total / $rw" | bc) | $(echo "scale=2; $bw / $rw" | bc) |"
