#!/usr/bin/env bash
# Set up, build, run the example job, then every test with ctest. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)
stage() { echo; echo "=== stage: $* ($(date -u +%H:%M:%S))"; }

stage "set-up, build, example job"
scripts/run-examples.sh --test-tools

stage "tests"
ctest --test-dir build --output-on-failure --parallel "$JOBS"

stage "package: cmake --install under a scratch prefix, the .deb, man page, bash completion"
scripts/check-package.sh build

stage "sanitizers: the whole suite built with AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHASHI_SANITIZE=ON \
  -DHASHI_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan --parallel "$JOBS"
# A small quarantine: the streaming tests bound RSS growth, which the default 256 MB would eat.
ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=8 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure --parallel "$JOBS"

stage "thread sanitizer: the tests that run threads (two-core lookups, shared caches, serve)"
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHASHI_TSAN=ON \
  -DHASHI_BUILD_BENCH=OFF >/dev/null
cmake --build build-tsan --target hashi hashi_core_tests hashi_cli_tests --parallel "$JOBS"
# Any race stops the process that has it (the `hashi serve` the tests start, too); see
# tests/tsan.supp for what is not ours to check.
export TSAN_OPTIONS="halt_on_error=1 suppressions=$PWD/tests/tsan.supp"
build-tsan/tests/hashi_core_tests --gtest_brief=1 --gtest_filter='SecondReader*:AnswerCache*:'\
'LookupTest.SecondThread*:LookupMemoryTest.ThreadsShareOneMemory:Pretranslat*:StoreWait*'
build-tsan/tests/hashi_cli_tests --gtest_brief=1 \
  --gtest_filter='StorePool*:ServeTest*:FaultConcurrency*'
unset TSAN_OPTIONS

stage "request fuzzing of hashi serve (the sanitizer build)"
python3 fuzz/serve_request_fuzz.py build-asan/hashi "${HASHI_SERVE_FUZZ_REQUESTS:-150}"

stage "fuzzing: every fuzz target for a bounded time (clang, libFuzzer)"
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHASHI_FUZZ=ON -DHASHI_BUILD_TESTS=OFF -DHASHI_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz --target fuzzers --parallel "$JOBS"
fuzz/run-fuzzers.sh "${HASHI_FUZZ_SECONDS:-20}" build-fuzz
