#!/usr/bin/env bash
# hashi align beside hunalign, on the same presegmented input in the same run: a batch of
# thousands of articles and one long document (10,000+ sentences a side). Median wall time of 3
# runs and peak RSS (bench/measure.py); then strict F1 of both on the gold alignments and on a
# sample of the (perturbed) batch articles.
# usage: bench/align_bench.sh [ARTICLES] [LONG]        default: 3000 10000
# hunalign is built outside the project (../shared/peers/build-hunalign.sh) into $HUNALIGN_DIR
# (default /tmp/hunalign-build) if it is not there. Data goes to $BENCH_DATA (default
# /tmp/alignbench): made from the gold sentences by bench/align_bench_data.py.
set -euo pipefail
cd "$(dirname "$0")/.."
HASHI=${HASHI:-build/hashi}
HUNALIGN_DIR=${HUNALIGN_DIR:-/tmp/hunalign-build}
HUNALIGN=$HUNALIGN_DIR/src/hunalign/hunalign
DIC=$(realpath ../shared/peers/hunalign/data/null.dic)
WORK=${BENCH_DATA:-/tmp/alignbench}
ARTICLES=${1:-3000}
LONG=${2:-10000}
DATA=$WORK/data-$ARTICLES-$LONG

[ -x "$HUNALIGN" ] || ../shared/peers/build-hunalign.sh "$HUNALIGN_DIR" >/dev/null
if [ ! -f "$DATA/long.ja.hun.txt" ]; then
  rm -rf "$DATA"
  python3 bench/align_bench_data.py --articles "$ARTICLES" --long "$LONG" --out "$DATA"
fi
OUT=$WORK/out && mkdir -p "$OUT"
measure() { python3 bench/measure.py "$@"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }
row() {  # input tool json [json...]: medians added up (tools run one after the other), peak RSS max
  local input=$1 tool=$2; shift 2
  python3 - "$input" "$tool" "$@" <<'EOF'
import json, sys
runs = [json.loads(a) for a in sys.argv[3:]]
print("| %s | %s | %.2f | %.0f |" % (sys.argv[1], sys.argv[2], sum(r["median_s"] for r in runs),
                                      max(r["peak_rss_mb"] for r in runs)))
EOF
}
# hunalign's progress chatter on stderr is dropped (hashi runs with --quiet); it runs in $OUT
# because it leaves a translate.txt in its working folder.
hun_batch() {
  measure --setup "rm -rf $DATA/hunalign-out/*" -- \
    sh -c "cd '$OUT' && '$HUNALIGN' -batch '$DIC' '$DATA/hunalign-$1.jobs' 2>/dev/null"
}
hashi_batch() { measure --setup "rm -rf $OUT/tmx" -- "$HASHI" --quiet align --presegmented --batch "$1" --tmx-dir "$OUT/tmx"; }
hashi_long() { measure -- "$HASHI" --quiet align --presegmented "$@" --tsv "$OUT/long.tsv"; }
hun_long() { measure -- sh -c "cd '$OUT' && '$HUNALIGN' '$DIC' '$1' '$2' > long.ladder 2>/dev/null"; }

en=$(wc -l < "$DATA/long.en.txt"); vi=$(wc -l < "$DATA/long.vi.txt"); ja=$(wc -l < "$DATA/long.ja.txt")
echo "batch: $ARTICLES articles; long document: en $en, vi $vi, ja $ja sentences; $(nproc) cores"
echo
printf '| input | aligner | median s | peak RSS MB |\n|---|---|---|---|\n'
hv=$(hun_batch en-vi); hj=$(hun_batch en-ja)
row "batch EN-VI" "hashi (writes ARTICLE.tmx)" "$(hashi_batch "$DATA/batch-en-vi")"
row "batch EN-VI" "hunalign (writes ladders)" "$hv"
row "batch EN-JA" "hashi (writes ARTICLE.tmx)" "$(hashi_batch "$DATA/batch-en-ja")"
row "batch EN-JA" "hunalign, JA doubled (writes ladders)" "$hj"
row "batch EN+VI+JA" "hashi, three at once (writes ARTICLE.tmx)" "$(hashi_batch "$DATA/batch")"
row "batch EN+VI+JA" "hunalign EN-VI + EN-JA" "$hv" "$hj"
row "batch EN-VI" "hashi, alignment only (no output files)" \
  "$(measure -- "$HASHI" --quiet align --presegmented --batch "$DATA/batch-en-vi")"
lv=$(hun_long "$DATA/long.en.txt" "$DATA/long.vi.txt")
lj=$(hun_long "$DATA/long.en.txt" "$DATA/long.ja.hun.txt")
row "long EN-VI" "hashi" "$(hashi_long --en "$DATA/long.en.txt" --vi "$DATA/long.vi.txt")"
row "long EN-VI" "hunalign" "$lv"
row "long EN-JA" "hashi" "$(hashi_long --en "$DATA/long.en.txt" --ja "$DATA/long.ja.txt")"
row "long EN-JA" "hunalign, JA doubled" "$lj"
row "long EN+VI+JA" "hashi, three at once" \
  "$(hashi_long --en "$DATA/long.en.txt" --vi "$DATA/long.vi.txt" --ja "$DATA/long.ja.txt")"
row "long EN+VI+JA" "hunalign EN-VI + EN-JA" "$lv" "$lj"
echo
echo "Strict F1 on the gold alignments (tests/data/alignment):"
python3 bench/align_quality.py --hashi "$HASHI" --hunalign "$HUNALIGN" --work "$WORK/quality"
echo
echo "Strict F1 on the first 300 batch articles (units shuffled, dropped, merged):"
python3 bench/align_quality.py --hashi "$HASHI" --hunalign "$HUNALIGN" --work "$WORK/quality" \
  --batch "$DATA/batch" --limit 300
