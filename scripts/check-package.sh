#!/usr/bin/env bash
# Checks that hashi installs like a Debian tool: `cmake --install` under a scratch prefix, then
# the .deb CPack builds (its fields, its files, and its binary run from a scratch root with its
# own data files), the man page and the bash completion.
# usage: scripts/check-package.sh [BUILD_DIR]   (default: build, already built)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
fail() { echo "check-package: $*" >&2; exit 1; }
ARTICLE=examples/articles/state-visit-tokyo/en.txt

# Runs an installed hashi and checks that it reads the data files under its own prefix: it
# segments an article, then fails once the installed hashi.srx there is spoiled.
check_installed() {  # PREFIX
  local prefix=$1
  for f in bin/hashi share/hashi/hashi.srx share/hashi/boilerplate.txt share/hashi/web \
           share/man/man1/hashi.1 share/bash-completion/completions/hashi; do
    [ -e "$prefix/$f" ] || fail "$prefix/$f is missing"
  done
  env -u HASHI_DATA_DIR "$prefix/bin/hashi" --version
  local n
  n=$(env -u HASHI_DATA_DIR "$prefix/bin/hashi" segment --lang en --clean "$ARTICLE" | wc -l)
  [ "$n" -gt 5 ] || fail "the installed hashi segmented $ARTICLE into $n sentences"
  cp "$prefix/share/hashi/hashi.srx" "$SCRATCH/srx.keep"
  echo "not SRX" > "$prefix/share/hashi/hashi.srx"
  if env -u HASHI_DATA_DIR "$prefix/bin/hashi" segment --lang en "$ARTICLE" >/dev/null 2>"$SCRATCH/err"; then
    fail "$prefix/bin/hashi did not read $prefix/share/hashi/hashi.srx"
  fi
  grep -q "$prefix/share/hashi/hashi.srx" "$SCRATCH/err" ||
    fail "the error does not name the installed rules: $(cat "$SCRATCH/err")"
  cp "$SCRATCH/srx.keep" "$prefix/share/hashi/hashi.srx"
  # The completion offers the commands of the hashi installed.
  local words
  words=$(PATH="$prefix/bin:$PATH" bash -c '
    source "$1/share/bash-completion/completions/hashi"
    COMP_WORDS=(hashi se); COMP_CWORD=1; _hashi; echo "${COMPREPLY[*]}"
    COMP_WORDS=(hashi import --on); COMP_CWORD=2; _hashi; echo "${COMPREPLY[*]}"' _ "$prefix")
  [[ $words == *segment* && $words == *serve* && $words == *--on-duplicate* ]] ||
    fail "bash completion offers: $words"
  man -l "$prefix/share/man/man1/hashi.1" 2>/dev/null | grep -q "hashi import" ||
    grep -q "import" "$prefix/share/man/man1/hashi.1" || fail "the man page has no commands"
}

echo "== cmake --install --prefix $SCRATCH/prefix"
cmake --install "$BUILD" --prefix "$SCRATCH/prefix" >/dev/null
check_installed "$SCRATCH/prefix"
echo "installed under any prefix: ok"

echo "== cpack: the .deb"
(cd "$BUILD" && cpack -G DEB -B "$SCRATCH/deb" >/dev/null)
DEB=$(ls "$SCRATCH"/deb/hashi_*.deb)
dpkg-deb --info "$DEB" | tee "$SCRATCH/info"
for dep in libicu libsqlite3 libqt6core6 libxml2 libpugixml; do
  grep -E "^ Depends:.*$dep" "$SCRATCH/info" >/dev/null || fail "Depends lacks $dep"
done
dpkg-deb --contents "$DEB" | awk '{print $6}' | tee "$SCRATCH/contents"
for f in ./usr/bin/hashi ./usr/share/hashi/hashi.srx ./usr/share/hashi/boilerplate.txt \
         ./usr/share/man/man1/hashi.1 ./usr/share/bash-completion/completions/hashi; do
  grep -qx "$f" "$SCRATCH/contents" || fail "the .deb lacks $f"
done
dpkg-deb -x "$DEB" "$SCRATCH/root"
check_installed "$SCRATCH/root/usr"
echo "package: $(basename "$DEB") ok"
