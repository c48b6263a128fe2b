#!/usr/bin/env bash
# Installs the Debian packages hashi needs (only those missing), then configures and builds.
# usage: scripts/setup.sh [--test-tools] [BUILD_DIR]      (default: build)
#   --test-tools  also installs what only the tests run (peers and checkers they compare with)
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_TEST_TOOLS=0
if [ "${1:-}" = "--test-tools" ]; then WITH_TEST_TOOLS=1; shift; fi
BUILD_DIR=${1:-build}

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config          # toolchain
  libicu-dev libsqlite3-dev libpugixml-dev libxml2-dev qt6-base-dev   # libraries
  libgtest-dev libgmock-dev libbenchmark-dev                   # tests and benchmarks
  libxml2-utils sqlite3 python3                                # xmllint (DTD checks), tools
  libcpp-httplib-dev                                           # HTTP server of `hashi serve`
  help2man dpkg-dev                                            # man page hashi(1), .deb (cpack)
)
TEST_PACKAGES=(
  translate-toolkit                                            # reads our XLIFF back, as a client
  python3-cheroot                                              # runs translate-toolkit's tmserver
  chromium chromium-driver python3-selenium                    # browser tests of `hashi serve`
  fonts-noto-cjk                                               # Japanese in their screenshots
  clang-14 libclang-rt-14-dev                                  # fuzz/ (libFuzzer runtime)
  locales                                                      # a decimal-comma locale test
)
if ((WITH_TEST_TOOLS)); then PACKAGES+=("${TEST_PACKAGES[@]}"); fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing missing packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Run as root or install: ${missing[*]}" >&2; exit 1; }
    SUDO=sudo
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
