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
