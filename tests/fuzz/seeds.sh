#!/usr/bin/env bash
# Builds each fuzz target's seed corpus from the repository's own inputs:
#   tests/fuzz/seeds.sh OUT_DIR   →  OUT_DIR/<target>/ (a fresh copy every time)
# rulebook:    rules/ (each file and all three as one), example and golden
#              rulebooks, every lint fixture, the bad-input corpus;
# claim_toml:  example claims, policy tests, golden claims, bad claims;
# claim_jsonl: the JSON twins of the example claims (one file of all of
#              them, and each alone), bad JSON Lines;
# values:      money, percent and instant texts, each after its selector byte;
# order_import: the order exports of tests/import/, after their selector byte;
# snapshot:    the rulebook seeds of rules/ and the golden cases after the
#              odd selector byte (written as a snapshot, then read: the
#              target's corpus then grows from real snapshots), and the
#              snapshot header alone after the even one.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$1"
rm -rf "$out"
mkdir -p "$out"/{rulebook,claim_toml,claim_jsonl,values,order_import,snapshot}

n=0
seed() {  # seed TARGET FILE: copies FILE under a numbered name
  n=$((n + 1))
  cp "$root/$2" "$out/$1/$(printf "%04d" "$n")-$(basename "$2")"
}

cat "$root"/rules/store.toml "$root"/rules/promotions.toml "$root"/rules/returns.toml \
  >"$out/rulebook/0000-rules-combined.toml"
while IFS= read -r f; do seed rulebook "$f"; done < <(
  cd "$root" && find rules -maxdepth 1 -name '*.toml'; \
  find examples/claims tests/claims -name rulebook.toml; \
  find tests/lint tests/lint-many -name '*.toml'; \
  [ -d tests/bad/rulebooks ] && find tests/bad/rulebooks -type f -name '*.toml'; true)

while IFS= read -r f; do seed claim_toml "$f"; done < <(
  cd "$root" && find examples/claims -name '*.toml' ! -name rulebook.toml; \
  find rules/tests -name '*.toml'; find tests/claims -name claim.toml; \
  [ -d tests/bad/claims ] && find tests/bad/claims -type f; true)

find "$root/tests/batch/json" -name '*.json' | sort | xargs cat >"$out/claim_jsonl/0000-all-examples.jsonl"
while IFS= read -r f; do seed claim_jsonl "$f"; done < <(
  cd "$root" && find tests/batch/json -name '*.json' | sort; \
  [ -d tests/bad/jsonl ] && find tests/bad/jsonl -type f; true)

# values: selector byte (see values_target.cpp) then the text.
value() { n=$((n + 1)); printf "$1%s" "$2" >"$out/values/$(printf '%04d' "$n")"; }
for text in 39.90 5 0.5 0.005 -1.00 92233720368547758.07 1e3 " 1" 12,50; do
  value '\x08' "$text"; value '\x00' "$text"; value '\x0c' "$text"
done
for text in 20 12.5 100 0.01 100.001 -5 0; do value '\x01' "$text"; done
for text in 2026-12-31T23:59:59+02:00 2026-12-31T21:59:59Z 2026-03-29T03:30:00+03:00 \
  1970-01-01T00:00:00Z 9999-12-31T23:59:59-23:59 2026-02-30T00:00:00Z; do
  value '\x02' "$text"
done
for text in 2026-12-31 2026-12-31T23:59:59 2026-03-29T03:30:00 2026-10-25T03:30:00 \
  2026-12-31T23:59:59+02:00 '"2026-12-31"' 2026-12-31T23:59:59.5Z; do
  value '\x03' "$text"; value '\x07' "$text"
done
# order_import: the export fixtures, after the selector byte (even: Shopify, odd: WooCommerce).
for f in "$root"/tests/import/*.json; do
  n=$((n + 1))
  case "$(basename "$f")" in woocommerce-*) sel='\x01' ;; *) sel='\x00' ;; esac
  { printf "$sel"; cat "$f"; } >"$out/order_import/$(printf '%04d' "$n")-$(basename "$f")"
done
# snapshot: selector byte (see snapshot_target.cpp) then a rulebook, or a snapshot.
while IFS= read -r f; do
  n=$((n + 1))
  { printf '\x01'; cat "$root/$f"; } >"$out/snapshot/$(printf '%04d' "$n")-$(basename "$f")"
done < <(cd "$root" && find rules -maxdepth 1 -name '*.toml'; find examples/claims tests/claims -name rulebook.toml)
{ printf '\x01'; cat "$out/rulebook/0000-rules-combined.toml"; } >"$out/snapshot/0000-rules-combined.toml"
printf '\x00fineprint-model\x00\x01\x00\x00\x00' >"$out/snapshot/0000-header-only"
for t in rulebook claim_toml claim_jsonl values order_import snapshot; do
  echo "seeds: $t $(find "$out/$t" -type f | wc -l) files"
done
