#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, seeded from fuzz/seeds/, the examples and the shared
# corpus (../shared/corpus, read in place when it is there). A crash, leak, timeout or sanitizer
# report fails the run; the input is kept in the artifacts folder, and the totals are printed.
# usage: fuzz/run-fuzzers.sh [SECONDS_EACH] [BUILD_DIR] [ARTIFACTS_DIR]
#   (defaults: 20, build-fuzz, BUILD_DIR/fuzz-artifacts; BUILD_DIR configured with -DHASHI_FUZZ=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
BUILD=${2:-build-fuzz}
ARTIFACTS=${3:-$BUILD/fuzz-artifacts}
SHARED=../shared/corpus
mkdir -p "$ARTIFACTS"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Seed folders of each target (those that exist).
seeds() {
  case $1 in
    fuzz_tmx_reader) echo examples "$SHARED/tmx" ;;
    fuzz_xliff_reader) echo fuzz/seeds/xliff "$SHARED/xliff" ;;
    fuzz_srx_reader) mkdir -p "$WORK/srx" && cp data/hashi.srx "$WORK/srx/" && echo "$WORK/srx" "$SHARED/srx" ;;
    fuzz_segmenter) echo examples/articles ;;
    fuzz_normalizer) echo fuzz/seeds/normalizer examples/articles ;;
    fuzz_match_score) echo fuzz/seeds/match_score ;;
  esac
}

status=0
summary=""
for target in fuzz_tmx_reader fuzz_xliff_reader fuzz_srx_reader fuzz_segmenter fuzz_normalizer \
              fuzz_match_score; do
  binary=$BUILD/fuzz/$target
  [ -x "$binary" ] || { echo "missing $binary (cmake --build $BUILD --target fuzzers)" >&2; exit 1; }
  corpus=$WORK/corpus-$target
  mkdir -p "$corpus"
  dirs=()
  for d in $(seeds "$target"); do [ -d "$d" ] && dirs+=("$d"); done
  log=$WORK/$target.log
  echo "== $target: ${SECONDS_EACH}s, seeds: ${dirs[*]}"
  # -timeout: one input taking longer is a hang; -rss_limit_mb: a leak or blow-up.
  if ! nice -n 19 "$binary" -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$ARTIFACTS/$target-" \
        "$corpus" "${dirs[@]}" >"$log" 2>&1; then
    status=1
    echo "$target FAILED:"; grep -E "ERROR|SUMMARY|fuzz check failed|Test unit written" "$log" | head -20
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  summary+=$(printf '%-20s %12s executions\n' "$target" "$runs")$'\n'
done
echo "== fuzzing totals"
printf '%s' "$summary"
exit $status
