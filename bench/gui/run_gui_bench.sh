#!/bin/sh
# Runs bench_gui under a private Xvfb. Usage: bench/gui/run_gui_bench.sh [build-dir] [bench args]
set -eu
build="${1:-build/default}"
[ $# -gt 0 ] && shift
exec xvfb-run -a -s "-screen 0 1366x900x24" "$build/bench/gui/bench_gui" "$@"
