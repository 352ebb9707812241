#!/usr/bin/env bash
# Findings that grow with the square of the input (issue 20, item 2): N
# returns rules with no `when` under `unique` (every pair overlaps) and N
# identical promotions (every pair is an ambiguous overlap), linted with the
# default --max-findings 100, with --ignore promo/, with --max-findings 0,
# and given to `batch -i /dev/null` with and without --lint-rules. Prints a
# Markdown table: wall time, CPU, peak RSS, bytes of output, best of 3. Not
# run by `make test`.
#
#   tests/bench/analysis/findings_cap.sh BUILD_DIR [N...]   (default N: 2000 8000)
#   BENCH_TMP=/tmp/fineprint-bench-findings   where the inputs go (a few MB)
#   BENCH_UNCAPPED=1   also time --max-findings 0 at 2,000 (minutes, GBs)
set -euo pipefail
build=${1:?usage: findings_cap.sh BUILD_DIR [N...]}
shift
sizes=${*:-2000 8000}
exe=$(cd "$build" && pwd)/fineprint
tmp=${BENCH_TMP:-/tmp/fineprint-bench-findings}
mkdir -p "$tmp"

# gen KIND N FILE
gen() {
  python3 - "$@" <<'PY'
import sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
store = ('[store]\nname = "Hostile"\ncurrency = "EUR"\ntimezone = "Europe/Riga"\n'
         'channels = ["web"]\n\n')
with open(path, "w") as out:
    out.write(store)
    if kind == "returns":
        out.write('[returns]\nhit_policy = "unique"\nwindow_from = "delivery"\n\n')
        for i in range(1, n + 1):
            out.write('[[returns.rule]]\nid = "R%05d"\noutcome = "refund"\n\n' % i)
    else:
        for i in range(1, n + 1):
            out.write('[[promotion]]\nid = "P%05d"\ntitle = "Ten percent off"\n'
                      'percent_off = 10\nstarts = 2026-12-01T00:00:00+02:00\n'
                      'ends = 2027-01-01T00:00:00+02:00\n\n' % i)
PY
}

best() {  # best LABEL COMMAND...: best of 3 by wall time
  local label=$1 stats=$tmp/time.txt out=$tmp/out.txt best_line="" best_wall=""
  shift
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$stats" "$@" >"$out" 2>&1 || true
    read -r wall user sys rss < <(tail -n 1 "$stats")
    bytes=$(wc -c <"$out")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
      best_wall=$wall
      best_line=$(awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.1f | %d |", l, w, u + s, r / 1024, b }')
    fi
  done
  echo "$best_line"
}

echo "| input, command | wall s | CPU s | peak RSS MB | output bytes |"
echo "|---|---:|---:|---:|---:|"
for n in $sizes; do
  for kind in returns promotions; do
    file=$tmp/$kind-$n.toml
    gen "$kind" "$n" "$file"
    what="$n $kind ($(($(wc -c <"$file") / 1024)) KB)"
    best "$what, lint" "$exe" lint "$file"
    [ "$kind" = promotions ] && best "$what, lint --ignore promo/" "$exe" lint --ignore promo/ "$file"
    [ "$kind" = promotions ] &&
      best "$what, lint --ignore promo/shadowed" "$exe" lint --ignore promo/shadowed "$file"
    best "$what, batch -i /dev/null" "$exe" batch --rules "$file" -i /dev/null
    best "$what, batch -i /dev/null --lint-rules" "$exe" batch --rules "$file" -i /dev/null --lint-rules
    if [ -n "${BENCH_UNCAPPED:-}" ] && [ "$n" = 2000 ]; then
      best "$what, lint --max-findings 0" "$exe" lint --max-findings 0 "$file"
    fi
  done
done
