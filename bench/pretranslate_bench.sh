#!/usr/bin/env bash
# `hashi pretranslate` and `hashi analyze` of a 10,000-segment job against generated TMs (1M
# trilingual units by default): wall time, segments/s, CPU use (user+sys / wall: 2.0 means both
# cores busy) and peak RSS, once with --threads 1 and once with the default (one per core).
# usage: bench/pretranslate_bench.sh [SIZES...]        default: 1m
# Needs ../shared/bench (the generator). Data goes to $BENCH_DATA (default /tmp/tmbench/data),
# TMs to $BENCH_WORK (default /tmp/tmbench/work). The job is an XLIFF file with one trans-unit
# per query (the generator's mix of exact, fuzzy and unmatched queries), so that it has exactly
# $SEGMENTS segments whatever the segmenter does.
set -euo pipefail
cd "$(dirname "$0")/.."
HASHI=${HASHI:-build/hashi}
DATA=${BENCH_DATA:-/tmp/tmbench/data}
WORK=${BENCH_WORK:-/tmp/tmbench/work}
SEGMENTS=${SEGMENTS:-10000}
SIZES=${*:-1m}
mkdir -p "$DATA" "$WORK"

count() { case $1 in *k) echo $(( ${1%k} * 1000 ));; *m) echo $(( ${1%m} * 1000000 ));; esac; }

# One trans-unit per line of $1, into the XLIFF file $2.
make_job() {
  python3 - "$1" "$2" <<'PY'
import sys
from xml.sax.saxutils import escape
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
              'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="job" '
              'source-language="en" target-language="vi" datatype="plaintext"><body>\n')
    for i, line in enumerate(lines, 1):
        out.write('<trans-unit id="%d"><source>%s</source></trans-unit>\n' % (i, escape(line)))
    out.write('</body></file></xliff>\n')
PY
}

# Runs "$@" once; prints "wall_s cpu_ratio peak_rss_mb".
timed() {
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null
  python3 -c "import sys; e,u,s,m = map(float, open(sys.argv[1]).read().split()[-4:]); \
print('%.2f %.2f %.0f' % (e, (u + s) / e if e else 0, m / 1024))" "$log"
  rm -f "$log"
}

printf '| TM | command | threads | wall s | segments/s | CPU (cores busy) | peak RSS MB |\n'
printf '|---|---|---|---|---|---|---|\n'
for size in $SIZES; do
  n=$(count "$size")
  tmx="$DATA/tm$size.tmx"
  queries="$DATA/tm$size.q$SEGMENTS.queries"
  if [ ! -f "$tmx" ]; then
    python3 ../shared/bench/gen_tm.py --n "$n" --m 1000 --seed 1 --out-tmx "$tmx" --quiet
  fi
  if [ ! -f "$queries.en.txt" ]; then
    python3 ../shared/bench/gen_tm.py --n "$n" --m "$SEGMENTS" --seed 1 --out-tmx /dev/null \
      --queries-prefix "$queries" --quiet
  fi
  job="$WORK/job$size.xlf"
  make_job "$queries.en.txt" "$job"
  tm="$WORK/pt$size.db"
  if [ ! -f "$tm" ]; then "$HASHI" --quiet --tm "$tm" import "$tmx" >/dev/null; fi
  for threads in 1 ""; do
    opt=${threads:+--threads $threads}
    shown=${threads:-$(nproc)}
    read -r wall cpu rss < <(timed "$HASHI" --quiet --tm "$tm" pretranslate --from en --to vi \
      $opt "$job" -o "$WORK/job$size.vi.xlf")
    python3 -c "print('| $size | pretranslate | $shown | $wall | %.0f | $cpu | $rss |' % ($SEGMENTS / $wall))"
    read -r wall cpu rss < <(timed "$HASHI" --tm "$tm" analyze --from en --to vi,ja $opt --json \
      "$job")
    python3 -c "print('| $size | analyze | $shown | $wall | %.0f | $cpu | $rss |' % ($SEGMENTS / $wall))"
  done
done
