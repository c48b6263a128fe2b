#!/usr/bin/env bash
# Lookup and concordance speed on generated TMs (10k, 100k, 1M trilingual units), beside
# translate-toolkit at 10k and 100k: see bench/README.md.
# usage: bench/lookup_bench.sh [SIZES...]      default: 10k 100k 1m
#   HASHI       the hashi to measure (default build/hashi); LOOKUP_BENCH its bench/lookup_bench
#   BASE_HASHI  a hashi without the match index (e.g. built from the commit before it), to
#               report the import time without the index; skipped when unset
#   BENCH_DATA  generated TMX and query files (default /tmp/tmbench/data)
#   BENCH_WORK  TMs and results (default /tmp/tmbench/lookup)
#   PROCESS_QUERIES  queries timed one process each (default 100)
#   SKIP_IMPORT=1    reuse the TMs an earlier run imported into BENCH_WORK
#   CHECK=N          compare the first N answers per language with --exhaustive
set -euo pipefail
cd "$(dirname "$0")/.."
HASHI=${HASHI:-build/hashi}
LOOKUP_BENCH=${LOOKUP_BENCH:-$(dirname "$HASHI")/bench/lookup_bench}
DATA=${BENCH_DATA:-/tmp/tmbench/data}
WORK=${BENCH_WORK:-/tmp/tmbench/lookup}
GEN=../shared/bench/gen_tm.py
TTK=../shared/bench/ttk_lookup.py
PROCESS_QUERIES=${PROCESS_QUERIES:-100}
SIZES=${*:-10k 100k 1m}
mkdir -p "$DATA" "$WORK"

count() { case $1 in *k) echo $(( ${1%k} * 1000 ));; *m) echo $(( ${1%m} * 1000000 ));; esac; }
field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(d$2)" "$1"; }

data() {  # size -> makes tm$size.tmx and its query files if missing
  local size=$1 n; n=$(count "$size")
  [ -f "$DATA/tm$size.tmx" ] || python3 "$GEN" --n "$n" --m 1000 --seed 1 --quiet \
      --out-tmx "$DATA/tm$size.tmx" --queries-prefix "$DATA/tm$size.queries"
}

# Short queries (10-30 characters: headings, names with titles) and concordance phrases,
# cut from the generated queries of each language.
derived() {
  local size=$1
  python3 - "$DATA/tm$size.queries" "$WORK/tm$size" <<'PY'
import random, re, sys
prefix, out = sys.argv[1], sys.argv[2]
rng = random.Random(7)
for lang in ("en", "vi", "ja"):
    rows = [l.rstrip("\n").split("\t") for l in open(f"{prefix}.{lang}.tsv", encoding="utf-8")][1:]
    texts = [r[4] for r in rows]
    with open(f"{out}.short.{lang}.tsv", "w", encoding="utf-8") as f:
        f.write("qid\tkind\torigin_tuid\tsim_to_origin\ttext\n")
        for i, t in enumerate(texts[:300]):
            size = rng.randint(10, 30)
            start = rng.randint(0, max(0, len(t) - size))
            f.write(f"{i}\t{rows[i][1]}\t\t\t{t[start:start + size].strip()}\n")
    with open(f"{out}.phrases.{lang}.txt", "w", encoding="utf-8") as f:
        for t in texts[:200]:
            words = t.split() if lang != "ja" else [t[i:i + 4] for i in range(0, len(t), 4)]
            w = rng.choice(words) if words else t
            f.write((" ".join(words[:2]) if lang != "ja" else w) + "\n")  # 3+ characters
            short = rng.choice([c for c in t if not c.isspace()]) if lang != "ja" else t[rng.randrange(len(t))]
            two = t[:2] if lang == "ja" else short
            f.write(short + "\n" + two + "\n")                          # 1-2 characters
PY
}

import_rows() {  # size
  local size=$1 tmx="$DATA/tm$1.tmx" tm="$WORK/tm$1.db" runs=3 base
  [ "$size" = 1m ] && runs=1
  local r; r=$(python3 bench/measure.py --runs $runs --setup "rm -f $tm $tm-wal $tm-shm" -- \
      "$HASHI" --quiet --tm "$tm" import "$tmx")
  echo "| $size | import with index | $(field "$r" "['median_s']") s | $(field "$r" "['peak_rss_mb']") MB |"
  if [ -n "${BASE_HASHI:-}" ]; then
    base=$(python3 bench/measure.py --runs $runs --setup "rm -f $WORK/base.db*" -- \
        "$BASE_HASHI" --quiet --tm "$WORK/base.db" import "$tmx")
    echo "| $size | import without index | $(field "$base" "['median_s']") s | $(field "$base" "['peak_rss_mb']") MB |"
    rm -f "$WORK"/base.db*
  fi
  local x; x=$(python3 bench/measure.py --runs 1 -- xmllint --stream --noout "$tmx")
  echo "| $size | xmllint --stream (bare parse) | $(field "$x" "['median_s']") s | |"
  echo "| $size | TM size / match index | $(du -m "$tm" | cut -f1) MB / $(sqlite3 "$tm" \
      "SELECT sum(pgsize) >> 20 FROM dbstat WHERE name LIKE 'match%'") MB | |"
}

batch_rows() {  # size lang
  local size=$1 lang=$2 to r s
  to=$( [ "$lang" = en ] && echo vi,ja || echo en )
  r=$("$LOOKUP_BENCH" --tm "$WORK/tm$size.db" --from "$lang" --to "$to" \
      --queries "$DATA/tm$size.queries.$lang.tsv" --check "${CHECK:-0}")
  s=$("$LOOKUP_BENCH" --tm "$WORK/tm$size.db" --from "$lang" --to "$to" \
      --queries "$WORK/tm$size.short.$lang.tsv")
  echo "| $size | lookup batch $lang | $(field "$r" "['all']['p50_ms']") | $(field "$r" "['all']['p95_ms']") | $(field "$r" "['all']['p99_ms']") | cpu p50 $(field "$r" "['cpu']['p50_ms']"), mismatches $(field "$r" "['mismatches']") |"
  echo "| $size | lookup batch $lang, short (10-30 chars) | $(field "$s" "['all']['p50_ms']") | $(field "$s" "['all']['p95_ms']") | $(field "$s" "['all']['p99_ms']") | |"
}

process_row() {  # size lang: one `hashi lookup` process per query, wall time
  local size=$1 lang=$2
  python3 - "$HASHI" "$WORK/tm$size.db" "$DATA/tm$size.queries.$lang.tsv" "$lang" \
      "$PROCESS_QUERIES" "$size" <<'PY'
import subprocess, sys, time
hashi, tm, queries, lang, n, size = sys.argv[1:7]
rows = [l.rstrip("\n").split("\t") for l in open(queries, encoding="utf-8")][1:int(n) + 1]
to = "vi,ja" if lang == "en" else "en"
ms = []
for r in rows:
    t = time.perf_counter()
    subprocess.run([hashi, "--tm", tm, "--quiet", "lookup", "--from", lang, "--to", to, r[4]],
                   stdout=subprocess.DEVNULL, check=True)
    ms.append((time.perf_counter() - t) * 1000)
ms.sort()
p = lambda q: ms[min(len(ms) - 1, int(q / 100 * len(ms)))]
print(f"| {size} | one process per query {lang} | {p(50):.1f} | {p(95):.1f} | {p(99):.1f} | wall, {len(ms)} queries |")
PY
}

concord_rows() {  # size lang
  local r; r=$("$LOOKUP_BENCH" --tm "$WORK/tm$1.db" --concord "$2" --phrases "$WORK/tm$1.phrases.$2.txt")
  echo "| $1 | concord $2, 3+ chars | $(field "$r" "['phrases_3plus']['p50_ms']") | $(field "$r" "['phrases_3plus']['p95_ms']") | | |"
  echo "| $1 | concord $2, 1-2 chars | $(field "$r" "['phrases_1_2']['p50_ms']") | $(field "$r" "['phrases_1_2']['p95_ms']") | | |"
}

ttk_row() {  # size: translate-toolkit's in-memory matcher (pretranslate --tm) on en-vi
  local size=$1 n; n=$(count "$size")
  local tmx="$DATA/tm$size.en-vi.tmx"
  [ -f "$tmx" ] || python3 "$GEN" --n "$n" --m 0 --seed 1 --langs en,vi --quiet --out-tmx "$tmx"
  local r; r=$(/usr/bin/python3 "$TTK" --engine matcher --tmx "$tmx" --src en --tgt vi \
      --queries "$DATA/tm$size.queries.en.tsv" --limit "${TTK_QUERIES:-50}" --out "$WORK/ttk$size.jsonl")
  echo "| $size | translate-toolkit matcher en (50 queries) | $(field "$r" "['median_ms']") | | $(field "$r" "['p99_ms']") | load $(field "$r" "['open_s']") s, RSS $(field "$r" "['peak_rss_mb']") MB |"
}

echo "| size | step | | | | |"
echo "|---|---|---|---|---|---|"
for size in $SIZES; do
  data "$size"
  derived "$size"
  [ -n "${SKIP_IMPORT:-}" ] || import_rows "$size"
  echo "| size | what | p50 ms | p95 ms | p99 ms | notes |"
  for lang in en vi ja; do batch_rows "$size" "$lang"; done
  process_row "$size" en
  process_row "$size" ja
  for lang in en vi ja; do concord_rows "$size" "$lang"; done
  case $size in 10k|100k) ttk_row "$size" ;; esac
done
