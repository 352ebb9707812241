#!/bin/sh
# Regenerates the golden letters and terms of tests/letters/ from the built
# executable (default build/fineprint). Run from the repository root, then
# read the diff: a golden is only as good as the reading it got.
#   tests/letters/regenerate.sh [path/to/fineprint]
set -eu
fineprint=${1:-build/fineprint}
out=tests/letters
# The languages the bundled rulebook declares (`[store] languages`, or `locale`).
languages=$(sed -n 's/^languages *= *\[\(.*\)\].*/\1/p; s/^locale *= *"\(.*\)".*/\1/p' rules/store.toml | tr -d '",')
rm -f "$out"/reply/* "$out"/terms/*
mkdir -p "$out/reply" "$out/terms"
export TZ=UTC LC_ALL=C
for claim in examples/claims/*.toml; do
  stem=$(basename "$claim" .toml)
  for lang in $languages; do
    "$fineprint" reply --rules rules --lang "$lang" --format text "$claim" > "$out/reply/$stem.$lang.txt"
    "$fineprint" reply --rules rules --lang "$lang" --format html "$claim" > "$out/reply/$stem.$lang.html"
  done
done
# A folder of examples/claims/ holds its own rulebook: letters in the languages it declares.
for dir in examples/claims/*/; do
  [ -e "$dir/rulebook.toml" ] || continue
  folder=$(basename "$dir")
  for claim in "$dir"*.toml; do
    [ "$(basename "$claim")" = rulebook.toml ] && continue
    stem=$folder--$(basename "$claim" .toml)
    for lang in $languages; do
      "$fineprint" reply --rules "$dir/rulebook.toml" --lang "$lang" --format text "$claim" \
        > "$out/reply/$stem.$lang.txt" 2>/dev/null || { rm -f "$out/reply/$stem.$lang.txt"; continue; }
      "$fineprint" reply --rules "$dir/rulebook.toml" --lang "$lang" --format html "$claim" \
        > "$out/reply/$stem.$lang.html"
    done
  done
done
for lang in $languages; do
  "$fineprint" terms --rules rules --lang "$lang" --format markdown > "$out/terms/$lang.md"
  "$fineprint" terms --rules rules --lang "$lang" --format html > "$out/terms/$lang.html"
done
