#!/usr/bin/env bash
# Cross-builds Madoguchi for 64-bit Windows (docs/windows.md) into build/windows/, and with --test
# runs its test programs under Wine in a private, throw-away Wine prefix.
#
#   scripts/build-windows.sh [--domain-only | --no-window] [--test] [--installer] [--no-setup] [--jobs N]
#
#   --domain-only  only the domain library and qa_domain (needs no dependency but Boost.Test's headers)
#   --no-window    everything but the window (no wxWidgets build): madoguchi-cli.exe and the suites
#   --test         run the built test programs under Wine (ctest, the emulator from cmake/mingw-w64.cmake);
#                  with the window built also the window in demo mode (a screenshot) and the installer
#   --installer    build the NSIS installer (installer/windows/) into build/windows/
#   --no-setup     do not run scripts/setup-windows-build.sh (apt-get) first
#
# The window (madoguchi.exe) is built when the dependency prefix holds wxWidgets. The programs,
# their data files and catalogs are staged as Windows lays them out (build/windows/dist:
# the .exe files with share\madoguchi and share\locale beside them), which the installer packs.
#
# The dependencies come from scripts/windows/build-deps.sh (pinned in scripts/windows/recipe.tsv,
# built once into a cache outside the clone). Every compile runs under `nice`. With --test (and
# without --domain-only) the Linux madoguchi-cli is built too (build/default) for the JSON
# comparison (tests/windows/compare_cli_json.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
domain_only=0 window=ON run_tests=0 setup=1 jobs=2 want_installer=0
while [ $# -gt 0 ]; do
  case "$1" in
    --domain-only) domain_only=1; shift ;;
    --no-window) window=OFF; shift ;;
    --test) run_tests=1; shift ;;
    --installer) want_installer=1; shift ;;
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
  -DMADOGUCHI_DOMAIN_ONLY="$([ "$domain_only" -eq 1 ] && echo ON || echo OFF)" \
  -DMADOGUCHI_BUILD_GUI="$([ "$window" = ON ] && [ -f "$prefix/lib/cmake/wxWidgets/wxWidgetsConfig.cmake" ] && echo ON || echo OFF)" \
  -DCMAKE_INSTALL_BINDIR=. -DMADOGUCHI_BUILD_BENCH=OFF -DMADOGUCHI_DEVELOPER_BUILD=OFF "${launcher[@]}"
TIMEFORMAT="build-windows: Madoguchi cross-built in %R s wall, %U s user + %S s sys"
time nice -n 10 cmake --build "$build" -j "$jobs"

# The Windows layout (build/windows/dist), stripped: what the installer packs, and what the tests
# start (the data files and catalog found beside the .exe, as on a clinic's PC: a Windows build is
# never a developer build, whose source- and build-tree paths are this machine's Unix paths).
installer=""
if [ "$domain_only" -eq 0 ]; then
  rm -rf "$build/dist"
  cmake --install "$build" --prefix "$build/dist" --strip >/dev/null
fi
if [ -f "$build/gui/madoguchi.exe" ]; then
  if [ "$want_installer" -eq 1 ] || [ "$run_tests" -eq 1 ]; then
    version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")"
    installer="$build/madoguchi-$version-setup.exe"
    time nice -n 10 makensis -V2 -DVERSION="$version" -DSTAGE="$build/dist" -DOUTFILE="$installer" \
      "$root/installer/windows/madoguchi.nsi"
  fi
elif [ "$want_installer" -eq 1 ]; then
  echo "build-windows: no madoguchi.exe (wxWidgets is not in $prefix): no installer" >&2
  exit 1
fi

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
    "$root/tests/windows/compare_cli_json.sh" "$linux/cli/madoguchi-cli" "$build/dist/madoguchi-cli.exe"
  fi
  if [ -f "$build/dist/madoguchi.exe" ]; then
    # The window in demo mode under Xvfb, with a Japanese font in the prefix; the screenshot stays.
    "$root/tests/windows/wine_cjk_font.sh"
    "$root/tests/windows/window_demo.sh" "$build/dist/madoguchi.exe" "$build/madoguchi-demo-wine.png"
  fi
  if [ -n "$installer" ]; then
    "$root/tests/windows/installer_wine.sh" "$installer" "$root"
  fi
fi
