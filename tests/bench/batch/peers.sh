#!/usr/bin/env bash
# `make bench-peers`: fineprint batch and the two peers (tests/bench/peers) on
# the same generated return claims; outcomes must agree. Prints one table.
#   tests/bench/batch/peers.sh BUILD_DIR     (PEER_CLAIMS=200000 by default)
set -euo pipefail
build=${1:?usage: peers.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
n=${PEER_CLAIMS:-200000}
tmp=${BENCH_TMP:-/tmp/fineprint-bench}
mkdir -p "$tmp"
cd "$root"
"$build/fineprint_claimgen" "$n" --returns-only --seed 7 >"$tmp/peers-claims.jsonl"
/usr/bin/time -f "%e" -o "$tmp/peers-time.txt" \
  "$build/fineprint" batch --rules rules -i "$tmp/peers-claims.jsonl" -o "$tmp/peers-out.jsonl" 2>/dev/null
node tests/bench/peers/bench.js "$tmp/peers-claims.jsonl" "$tmp/peers-out.jsonl" "$(cat "$tmp/peers-time.txt")"
