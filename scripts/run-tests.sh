#!/usr/bin/env bash
# Builds Madoguchi and runs every test: the parser fuzzers for a bounded time, the domain tests
# under AddressSanitizer + UBSan, the .deb built from a release configuration and run where it
# is installed (tests/package/check_deb.sh), the full suite (RelWithDebInfo), and the Windows
# cross-build with its Wine tests and installer (scripts/build-windows.sh --test --installer).
#
# The Windows cross-build (its dependencies from Debian's source packages, built once into a
# cache outside the clone, then Madoguchi and its installer) runs in the background beside the
# Linux presets, at a lower priority: it takes the cores the Linux builds and tests leave idle
# (configure steps, links, fuzzers and tests waiting). Its Wine tests run at the end, when the
# Linux madoguchi-cli they compare with is built. MADOGUCHI_SKIP_WINDOWS=1 leaves Windows out.
set -euo pipefail
export CTEST_OUTPUT_ON_FAILURE=1  # a failing test prints its own output in the CI log
cd "$(dirname "$0")/.."

bash scripts/setup-debian.sh

# The compiler cache (outside the clone: ccache's own folder). The package and default presets
# compile most sources with the same command line (the default one with the source paths mapped
# as the release build maps them), so the second finds the first's objects; a later run finds all.
if command -v ccache >/dev/null; then
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
fi
windows=$([ "${MADOGUCHI_SKIP_WINDOWS:-0}" = 1 ] && echo 0 || echo 1)

windows_pid="" windows_log=""
if [ "$windows" -eq 1 ]; then
  bash scripts/setup-windows-build.sh
  windows_log="$(mktemp -t madoguchi-windows-build.XXXXXX)"
  # A session of its own, so that a failing Linux step stops the whole Windows build.
  setsid nice -n 10 bash scripts/build-windows.sh --installer --no-setup >"$windows_log" 2>&1 &
  windows_pid=$!
fi
stop_windows() { [ -n "$windows_pid" ] && kill -- "-$windows_pid" 2>/dev/null; true; }
trap stop_windows EXIT

run_preset() {
  local preset=$1; shift
  cmake --preset "$preset" "$@" >/dev/null
  cmake --build --preset "$preset"
}

run_preset fuzz
ctest --preset fuzz
run_preset asan
ctest --preset asan
run_preset package
cpack --preset package
bash tests/package/check_deb.sh build/package/madoguchi_*_amd64.deb "$PWD"
run_preset default -DMADOGUCHI_RELATIVE_SOURCE_PATHS=ON
ctest --preset default

if [ "$windows" -eq 1 ]; then
  TIMEFORMAT="run-tests: waited %R s for the Windows build"
  time wait "$windows_pid" || { echo "run-tests: the Windows build failed:" >&2; tail -n 60 "$windows_log" >&2; exit 1; }
  windows_pid=""
  grep -E '^build-(deps|windows):' "$windows_log" || true
  bash scripts/build-windows.sh --test --installer --no-setup
fi
