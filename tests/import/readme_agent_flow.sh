#!/bin/sh
# The README's "For support agents" section, run as written (issue 16, "done
# when"): every `$ ` command of its sh blocks (with its `\` continuation lines)
# runs in one shell, in a directory that sees the repository's rules/ and
# tests/, with `fineprint` on PATH; every line shown under a command must be a
# line of what it printed (stdout and stderr, as a terminal shows them), in
# that order; `...` stands for lines left out.
# usage: readme_agent_flow.sh FINEPRINT SOURCE_DIR
set -eu
exe=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/bin" "$tmp/work"
ln -s "$exe" "$tmp/bin/fineprint"
ln -s "$src/rules" "$tmp/work/rules"
ln -s "$src/tests" "$tmp/work/tests"

# The section's sh blocks → a script of commands (each after a marker line)
# and, per command, the lines it must print.
awk -v script="$tmp/script.sh" -v expect="$tmp/expect" '
  /^## For support agents/ { inside = 1; next }
  inside && /^## / { inside = 0 }
  !inside { next }
  /^```sh$/ { block = 1; next }
  /^```$/ { block = 0; next }
  !block { next }
  continuing { print >> script; continuing = /\\$/; next }
  /^\$ / {
    n++
    printf "echo \"@@@ %d\"\n", n >> script
    print substr($0, 3) >> script
    continuing = /\\$/
    next
  }
  { print > (expect "." n) }
' "$src/README.md"
[ -s "$tmp/script.sh" ] || { echo "no commands found in the README's For support agents section"; exit 1; }

cd "$tmp/work"
PATH="$tmp/bin:$PATH" TZ=UTC LC_ALL=C.UTF-8 sh -e "$tmp/script.sh" > "$tmp/out" 2>&1 || {
  echo "the README's commands failed:"
  cat "$tmp/out"
  exit 1
}

# Splits the output at the markers and checks each command's shown lines.
status=0
count=$(grep -c '^@@@ ' "$tmp/out")
i=1
while [ "$i" -le "$count" ]; do
  awk -v n="$i" '$0 == "@@@ " n { on = 1; next } /^@@@ / { on = 0 } on' "$tmp/out" > "$tmp/got.$i"
  if [ -f "$tmp/expect.$i" ]; then
    # Each shown line, in order, must be found after the previous one.
    if ! awk 'NR == FNR { want[++w] = $0; next }
              { got[++g] = $0 }
              END {
                j = 1
                for (k = 1; k <= w; k++) {
                  if (want[k] == "...") continue
                  while (j <= g && got[j] != want[k]) j++
                  if (j > g) { print "not printed (or not in this order): " want[k]; exit 1 }
                  j++
                }
              }' "$tmp/expect.$i" "$tmp/got.$i"; then
      echo "command $i of the README printed:"
      cat "$tmp/got.$i"
      status=1
    fi
  fi
  i=$((i + 1))
done
[ "$count" -ge 6 ] || { echo "expected at least 6 commands, found $count"; exit 1; }
exit $status
