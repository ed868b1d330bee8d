#!/usr/bin/env bash
# Cross-builds Madoguchi for 64-bit Windows (docs/windows.md) into build/windows/, and with --test
# runs its test programs under Wine in a private, throw-away Wine prefix.
#
#   scripts/build-windows.sh [--domain-only | --no-window] [--test] [--no-setup] [--jobs N]
#
#   --domain-only  only the domain library and qa_domain (needs no dependency but Boost.Test's headers)
#   --no-window    everything but the window (no wxWidgets build): madoguchi-cli.exe and the suites
#   --test         run the built test programs under Wine (ctest, the emulator from cmake/mingw-w64.cmake)
#   --no-setup     do not run scripts/setup-windows-build.sh (apt-get) first
#
# The dependencies come from scripts/windows/build-deps.sh (pinned in scripts/windows/recipe.tsv,
# built once into a cache outside the clone). Every compile runs under `nice`. With --test (and
# without --domain-only) the Linux madoguchi-cli is built too (build/default) for the JSON
# comparison (tests/windows/compare_cli_json.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
domain_only=0 window=ON run_tests=0 setup=1 jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --domain-only) domain_only=1; shift ;;
    --no-window) window=OFF; shift ;;
    --test) run_tests=1; shift ;;
    --no-setup) setup=0; shift ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "build-windows: unknown option $1" >&2; exit 2 ;;
  esac
done

[ "$setup" -eq 1 ] && "$root/scripts/setup-windows-build.sh"

if [ "$domain_only" -eq 1 ]; then
  prefix="$("$root/scripts/windows/build-deps.sh" --jobs "$jobs" --only boost-test | tail -n1)"
elif [ "$window" = OFF ]; then
  prefix="$("$root/scripts/windows/build-deps.sh" --jobs "$jobs" --only sqlite3,expat,pcre,openssl,poco,zlib,boost-test | tail -n1)"
else
  prefix="$("$root/scripts/windows/build-deps.sh" --jobs "$jobs" | tail -n1)"
fi

build="$root/build/windows"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
# -O2, not CMake's -O3: GCC 12's -O3 raises a false -Wrestrict in libstdc++'s char_traits.
nice -n 10 cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" -DMADOGUCHI_WINDOWS_PREFIX="$prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DMADOGUCHI_DOMAIN_ONLY="$([ "$domain_only" -eq 1 ] && echo ON || echo OFF)" -DMADOGUCHI_BUILD_GUI="$window" \
  -DMADOGUCHI_BUILD_BENCH=OFF "${launcher[@]}"
TIMEFORMAT="build-windows: Madoguchi cross-built in %R s wall, %U s user + %S s sys"
time nice -n 10 cmake --build "$build" -j "$jobs"

if [ "$run_tests" -eq 1 ]; then
  # A private Wine prefix: nothing of the user's own ~/.wine is read or changed, and parallel
  # runs do not share a wineserver. Removed (its wineserver stopped) at the end.
  wine_home="$(mktemp -d -t madoguchi-wine.XXXXXX)"
  export WINEPREFIX="$wine_home/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  cleanup() { wineserver -k 2>/dev/null || true; rm -rf "$wine_home"; }
  trap cleanup EXIT
  wineboot --init >/dev/null 2>&1 || true
  # The test programs only (qa_*): the shell-script tests start Linux programs.
  ctest --test-dir "$build" -R '^qa_' --output-on-failure
  if [ "$domain_only" -eq 0 ]; then
    # madoguchi-cli.exe against the Linux build's madoguchi-cli: the same JSON, byte for byte.
    linux="$root/build/default"
    [ -f "$linux/CMakeCache.txt" ] || (cd "$root" && nice -n 19 cmake --preset default >/dev/null)
    nice -n 19 cmake --build "$linux" --target madoguchi-cli
    "$root/tests/windows/compare_cli_json.sh" "$linux/cli/madoguchi-cli" "$build/cli/madoguchi-cli.exe"
  fi
fi
