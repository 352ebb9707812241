#!/bin/sh
# Guided intake in a real terminal (issue 16, item 3): `claim new` without
# --item in a tmux pane asks on its own (stdin is a terminal), the answers are
# typed with send-keys, the screen read with capture-pane. The washed-hat
# story, from the Shopify export to the decision.
# usage: tty_intake.sh FINEPRINT SOURCE_DIR   (exit 77: no tmux, skipped)
set -eu
exe=$1
src=$2
command -v tmux >/dev/null 2>&1 || exit 77
sock="fineprint-intake-$$"
tmp=$(mktemp -d)
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
cd "$src"
tmux -L "$sock" -f /dev/null new-session -d -x 220 -y 60 \
  "TZ=UTC LC_ALL=C.UTF-8 '$exe' claim new --order tests/import/shopify-washed-hat.json --from shopify -o '$tmp/hat.toml'; echo EXIT=\$?; sleep 60"
screen() { tmux -L "$sock" capture-pane -p -J -S -300; }
# Waits (at most 20 s: the machine may be busy) until the screen shows $1.
wait_for() {
  i=0
  until screen | grep -qF -- "$1"; do
    i=$((i + 1))
    if [ "$i" -gt 200 ]; then
      echo "never shown: $1"
      screen
      exit 1
    fi
    sleep 0.1
  done
}
answer() {
  wait_for "$1"
  if [ -n "$2" ]; then tmux -L "$sock" send-keys -l -- "$2"; fi
  tmux -L "$sock" send-keys Enter
}
answer "When did the customer make the claim?" "2027-01-05T14:20:00+02:00"
answer "receipt or order confirmation?" "y"
answer "Which line comes back?" "HAT-201"
answer "Why does HAT-201 come back?" "defective"
answer "In what condition is HAT-201?" "washed"
answer "Another line coming back?" ""
wait_for "EXIT="
screen | grep -qF "EXIT=0" || { echo "claim new failed"; screen; exit 1; }
screen | grep -qF "Claim #1001-return: denied" || { echo "no decision shown"; screen; exit 1; }
grep -qF 'condition = "washed"' "$tmp/hat.toml" || { echo "claim not written"; exit 1; }
"$exe" resolve "$tmp/hat.toml" | grep -qF "care-label-washed" || { echo "resolve differs"; exit 1; }
echo "ok"
