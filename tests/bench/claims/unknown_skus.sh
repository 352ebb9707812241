#!/usr/bin/env bash
# Unknown skus (issue 20, item 4): a return claim of N returned items, none on
# the order, against N order lines, so that every item asks "did you mean"
# among every order sku. Before the bounded did-you-mean, N = 500 with
# 300-byte skus took 51 s in `resolve`, and a 1 MB JSON line an estimated
# 20-30 minutes of a `batch` worker. Prints a Markdown table: wall time, CPU,
# peak RSS, best of 3. Not run by `make test`.
#
#   tests/bench/claims/unknown_skus.sh BUILD_DIR
#   BENCH_TMP=/tmp/fineprint-bench-skus   where the inputs go (a few MB)
set -euo pipefail
build=${1:?usage: unknown_skus.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
exe=$(cd "$build" && pwd)/fineprint
tmp=${BENCH_TMP:-/tmp/fineprint-bench-skus}
mkdir -p "$tmp"
cd "$root"

# gen FORMAT N SKU_BYTES FILE: the claim as TOML (resolve) or one JSON line (batch).
gen() {
  python3 - "$@" <<'PY'
import json, sys
form, n, size, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
items = [{"sku": "B" * size + str(100000 + i), "qty": 1, "condition": "sealed",
          "reason": "changed_mind"} for i in range(n)]
lines = [{"sku": "A" * size + str(100000 + i), "category": "hats", "qty": 1,
          "unit_price": "29.00"} for i in range(n)]
with open(path, "w") as out:
    if form == "json":
        claim = {"claim": {"id": "HOSTILE", "kind": "return",
                           "filed_at": "2027-01-05T14:20:00+02:00", "items": items},
                 "order": {"id": "W-1", "placed_at": "2026-12-08T19:42:00+02:00",
                           "channel": "web", "lines": lines},
                 "customer": {"id": "C-1"}}
        out.write(json.dumps(claim) + "\n")
    else:
        out.write('[claim]\nid = "HOSTILE"\nkind = "return"\n'
                  'filed_at = 2027-01-05T14:20:00+02:00\n\n')
        for item in items:
            out.write('[[claim.items]]\nsku = "%s"\nqty = 1\ncondition = "sealed"\n'
                      'reason = "changed_mind"\n\n' % item["sku"])
        out.write('[order]\nid = "W-1"\nplaced_at = 2026-12-08T19:42:00+02:00\n'
                  'channel = "web"\n\n')
        for line in lines:
            out.write('[[order.lines]]\nsku = "%s"\ncategory = "hats"\nqty = 1\n'
                      'unit_price = "29.00"\n\n' % line["sku"])
        out.write('[customer]\nid = "C-1"\n')
PY
}

best() {  # best LABEL COMMAND...: best of 3 by wall time
  local label=$1 stats=$tmp/time.txt best_line="" best_wall=""
  shift
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$stats" "$@" >/dev/null 2>&1 || true
    # The last line: GNU time writes "Command exited with non-zero status 2"
    # first (resolve exits 2 and batch 1 here: every item is unknown).
    read -r wall user sys rss < <(tail -n 1 "$stats")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
      best_wall=$wall
      best_line=$(awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
        'BEGIN { printf "| %s | %.3f | %.3f | %.1f |", l, w, u + s, r / 1024 }')
    fi
  done
  echo "$best_line"
}

echo "| input | wall s | CPU s | peak RSS MB |"
echo "|---|---:|---:|---:|"
for spec in "toml 500 300" "toml 500 1000" "json 500 300" "json 500 1000"; do
  read -r form n size <<<"$spec"
  file=$tmp/unknown-$form-$n-$size.$form
  gen "$form" "$n" "$size" "$file"
  bytes=$(wc -c <"$file")
  if [ "$form" = toml ]; then
    best "resolve, $n × $n, ${size}-byte skus ($((bytes / 1024)) KB)" \
      "$exe" resolve --rules rules "$file"
  else
    best "batch, one line, $n × $n, ${size}-byte skus ($((bytes / 1024)) KB)" \
      "$exe" batch --rules rules --threads 1 -i "$file"
  fi
done
