#!/usr/bin/env bash
# Builds Madoguchi and runs every test: the parser fuzzers for a bounded time, the domain tests
# under AddressSanitizer + UBSan, the .deb built from a release configuration and run where it
# is installed (tests/package/check_deb.sh), and the full suite (RelWithDebInfo).
set -euo pipefail
export CTEST_OUTPUT_ON_FAILURE=1  # a failing test prints its own output in the CI log
cd "$(dirname "$0")/.."

bash scripts/setup-debian.sh

run_preset() {
  local preset=$1
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

run_preset fuzz
ctest --preset fuzz
run_preset asan
ctest --preset asan
run_preset package
cpack --preset package
bash tests/package/check_deb.sh build/package/madoguchi_*_amd64.deb "$PWD"
run_preset default
ctest --preset default
