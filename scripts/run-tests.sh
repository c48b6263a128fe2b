#!/usr/bin/env bash
# Set up, build, run the example job, then every test with ctest. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/run-examples.sh --test-tools
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
