#!/usr/bin/env bash
# The main job on the bundled examples: set up, build, then run hashi on examples/.
# Writes into build/example/ (made anew each run, so running it twice gives the same result).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build

HASHI=build/hashi
OUT=build/example
rm -rf "$OUT" && mkdir -p "$OUT"
export HASHI_TM="$OUT/example.db"

echo "== import the example TM"
$HASHI import examples/press-units.tmx
echo "== export it again"
$HASHI export "$OUT/press-units.export.tmx"
echo "== what the TM holds"
$HASHI stats
echo "== clean and segment every example article (one sentence a line, in $OUT/segments/)"
mkdir -p "$OUT/segments"
for article in examples/articles/*/; do
  slug=$(basename "$article")
  counts=""
  for lang in en vi ja; do
    [ -f "$article$lang.txt" ] || continue
    out="$OUT/segments/$slug.$lang.txt"
    $HASHI segment --lang "$lang" --clean "$article$lang.txt" > "$out"
    counts="$counts $lang=$(wc -l < "$out")"
  done
  echo "$slug:$counts sentences"
done
echo "== the sentences of one article: vietnam-festival-tokyo (en)"
cat "$OUT/segments/vietnam-festival-tokyo.en.txt"
