#!/usr/bin/env bash
# The main job on the bundled examples: set up, build, then run hashi on examples/.
# Writes into build/example/ (made anew each run, so running it twice gives the same result).
# usage: scripts/run-examples.sh [--test-tools]   (passed on to scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "$@" build

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
echo "== match bands of one article against the TM: state-visit-tokyo (en -> vi and ja)"
$HASHI analyze --from en --to vi,ja --weights 'context=0,100=0.1,95-99=0.3,85-94=0.5,75-84=0.7' \
  examples/articles/state-visit-tokyo/en.txt
echo "== pre-translate it into Vietnamese: $OUT/state-visit-tokyo.vi.xlf (XLIFF 1.2)"
$HASHI pretranslate --from en --to vi examples/articles/state-visit-tokyo/en.txt \
  -o "$OUT/state-visit-tokyo.vi.xlf"
xsd=../shared/corpus/schemas/xliff-core-1.2-strict.xsd
if [ -f "$xsd" ] && command -v xmllint >/dev/null; then
  xmllint --noout --schema "$xsd" "$OUT/state-visit-tokyo.vi.xlf"
fi
echo "== align the example articles (EN/VI/JA) into units: $OUT/aligned/ARTICLE.tmx, and into the TM"
$HASHI align --batch examples/articles --tmx-dir "$OUT/aligned" --import
$HASHI stats
