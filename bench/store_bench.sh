#!/usr/bin/env bash
# Import, export and stats on generated TMs (10k, 100k, 1M trilingual units), beside the bare
# XML parse (xmllint --stream --noout) of the same file. Median of 3 runs, peak RSS.
# usage: bench/store_bench.sh [SIZES...]       default: 10k 100k 1m
# Needs ../shared/bench (the generator). Data goes to $BENCH_DATA (default /tmp/tmbench/data).
set -euo pipefail
cd "$(dirname "$0")/.."
HASHI=${HASHI:-build/hashi}
DATA=${BENCH_DATA:-/tmp/tmbench/data}
WORK=${BENCH_WORK:-/tmp/tmbench/work}
SIZES=${*:-10k 100k 1m}
mkdir -p "$DATA" "$WORK"

count() { case $1 in *k) echo $(( ${1%k} * 1000 ));; *m) echo $(( ${1%m} * 1000000 ));; esac; }
measure() { python3 bench/measure.py "$@"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }

printf '| size | step | median s | units/s | MB/s | peak RSS MB |\n|---|---|---|---|---|---|\n'
for size in $SIZES; do
  n=$(count "$size")
  tmx="$DATA/tm$size.tmx"
  if [ ! -f "$tmx" ]; then
    python3 ../shared/bench/gen_tm.py --n "$n" --m 1000 --seed 1 --out-tmx "$tmx" \
      --queries-prefix "$DATA/tm$size.queries" >/dev/null
  fi
  mb=$(python3 -c "import os; print(os.path.getsize('$tmx') / 1e6)")
  tm="$WORK/tm$size.db"
  row() {  # step json
    local s; s=$(field "$2" median_s)
    python3 -c "print('| $size | $1 | %.3f | %.0f | %.1f | %.0f |' % ($s, $n / $s, $mb / $s, $(field "$2" peak_rss_mb)))"
  }
  row "xmllint --stream (bare parse)" "$(measure -- xmllint --stream --noout "$tmx")"
  row "hashi import" "$(measure --setup "rm -f $tm $tm-wal $tm-shm" -- "$HASHI" --quiet --tm "$tm" import "$tmx")"
  row "hashi export" "$(measure -- "$HASHI" --quiet --tm "$tm" export "$WORK/out$size.tmx")"
  row "hashi stats" "$(measure -- "$HASHI" --tm "$tm" stats --json)"
  echo "| $size | TM file size | $(du -m "$tm" | cut -f1) MB | | | |"
done
