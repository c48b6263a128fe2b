#!/usr/bin/env bash
# `hashi serve` under load: 50 concurrent clients make 10,000 lookups (GET /api/lookup, the
# generated en queries, --min 70) on the generated 100k TM, alone and while `hashi import`
# writes 100k other generated units into the same TM; once back to back (throughput) and once
# with a pause after each answer (PAUSE_MS, default 1000: a translator looking up a sentence a
# second). The 1,000 generated queries come round 10 times, so after the first round the
# server's answer cache answers; a last pair of runs asks 10,000 distinct queries back to back,
# each one searched. Bounded: serve_load stops at the count or after MAX_SECONDS. See
# bench/README.md.
# usage: bench/serve_load.sh
#   HASHI       the hashi to measure (default build/hashi); SERVE_LOAD its bench/serve_load
#   BENCH_DATA  generated TMX and query files (default /tmp/tmbench/data)
#   BENCH_WORK  the TM (default /tmp/tmbench/serve)
#   CLIENTS REQUESTS MAX_SECONDS PAUSE_MS   default 50, 10000, 300, 1000
set -euo pipefail
cd "$(dirname "$0")/.."
HASHI=${HASHI:-build/hashi}
SERVE_LOAD=${SERVE_LOAD:-$(dirname "$HASHI")/bench/serve_load}
DATA=${BENCH_DATA:-/tmp/tmbench/data}
WORK=${BENCH_WORK:-/tmp/tmbench/serve}
CLIENTS=${CLIENTS:-50}
REQUESTS=${REQUESTS:-10000}
MAX_SECONDS=${MAX_SECONDS:-300}
GEN=../shared/bench/gen_tm.py
mkdir -p "$DATA" "$WORK"

[ -f "$DATA/tm100k.tmx" ] || python3 "$GEN" --n 100000 --m 1000 --seed 1 --quiet \
    --out-tmx "$DATA/tm100k.tmx" --queries-prefix "$DATA/tm100k.queries"
# The same TM (same seed) with 10,000 queries: only the query files are kept.
[ -f "$DATA/tm100k.q10000.queries.en.txt" ] && [ -f "$DATA/tm100k.q10000.queries.en.tsv" ] || {
  python3 "$GEN" --n 100000 --m 10000 --seed 1 --quiet --out-tmx "$WORK/q10000.tmx" \
      --queries-prefix "$DATA/tm100k.q10000.queries"
  rm -f "$WORK/q10000.tmx"
}
[ -f "$DATA/tm100k-seed2.tmx" ] || python3 "$GEN" --n 100000 --m 0 --seed 2 --quiet \
    --out-tmx "$DATA/tm100k-seed2.tmx"

TM="$WORK/tm100k.db"
rm -f "$TM" "$TM-wal" "$TM-shm"
"$HASHI" --quiet --tm "$TM" import "$DATA/tm100k.tmx" >/dev/null

cp "$TM" "$WORK/tm100k.copy.db"  # the 100k units again for each run under import

start_server() {  # prints nothing; sets SERVER and PORT, and warms the stores' caches
  rm -f "$WORK/url"
  "$HASHI" --quiet --tm "$TM" serve --port 0 >"$WORK/url" &
  SERVER=$!
  for _ in $(seq 100); do [ -s "$WORK/url" ] && break; sleep 0.1; done
  PORT=$(sed -E 's#.*:([0-9]+)/$#\1#' "$WORK/url")
  "$SERVE_LOAD" --port "$PORT" --queries "$DATA/tm100k.queries.en.txt" --from en --to vi \
      --clients "$CLIENTS" --requests 1000 >/dev/null || true
}
fresh_tm() {  # the server again on the 100k units only
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  cp "$WORK/tm100k.copy.db" "$TM"; rm -f "$TM-wal" "$TM-shm"
  start_server
}
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
start_server
QUERIES="$DATA/tm100k.queries.en.txt"
load() {  # pause_ms [extra options]
  "$SERVE_LOAD" --port "$PORT" --queries "$QUERIES" --from en --to vi \
      --clients "$CLIENTS" --requests "$REQUESTS" --max-seconds "$MAX_SECONDS" \
      --pause-ms "$1" "${@:2}" || true
}
# The load while `hashi import` writes 100k other units into the TM: the import starts a second
# before the clients, which go on until 2 s after it ends (and at least REQUESTS); prints the
# load's figures, those of the requests sent while the import ran ("during"), and how long it
# took.
under_import() {  # pause_ms
  local t0 t1 writer result
  t0=$(date +%s.%N)
  touch "$WORK/importing"
  ( "$HASHI" --quiet --tm "$TM" import "$DATA/tm100k-seed2.tmx" >/dev/null
    date +%s.%N >"$WORK/import_end"; rm -f "$WORK/importing" ) &
  writer=$!
  sleep 1
  result=$(load "$1" --during "$WORK/importing" --until-gone "$WORK/importing")
  t1=$(date +%s.%N)
  wait $writer
  echo "$result; the import took $(python3 -c "print(f'{$(cat "$WORK/import_end") - $t0:.1f}')") s of the run's $(python3 -c "print(f'{$t1 - $t0:.1f}')") s"
}

echo "TM: 100k units; $CLIENTS clients, $REQUESTS lookups each run (en -> vi, --min 70); $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) before"
echo "back to back, alone:        $(load 0)"
echo "back to back, under import: $(under_import 0)"
fresh_tm
echo "${PAUSE_MS:-1000} ms pause, alone:         $(load "${PAUSE_MS:-1000}")"
echo "${PAUSE_MS:-1000} ms pause, under import:  $(under_import "${PAUSE_MS:-1000}")"
fresh_tm
QUERIES="$DATA/tm100k.q10000.queries.en.txt"
echo "distinct queries, back to back, alone:        $(load 0)"
echo "distinct queries, back to back, under import: $(under_import 0)"
echo "units after: $(curl -s "http://127.0.0.1:$PORT/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')"
