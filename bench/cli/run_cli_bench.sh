#!/usr/bin/env bash
# madoguchi-cli as a script calls it, next to sqlite3 answering the same question on the same
# journal (the floor), through bench_processes (whole processes, CPU and peak RSS, ratios).
#   bench/cli/run_cli_bench.sh [BUILD_DIR] [RUNS] [JOURNAL]
# JOURNAL: a clinic's year from `journal generate --per-day 110` (made in a temporary folder when
# not given: ~40,000 visits). report daily runs twice: signing in with --password-file (PBKDF2,
# 600,000 iterations, every run) and with a session ticket (`sign-in` once, docs/storage.md).
set -euo pipefail
build=${1:-build/default}
runs=${2:-7}
cli=$(realpath "$build/cli/madoguchi-cli")
bench=$(realpath "$build/bench/cli/bench_processes")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config
(umask 077; echo "bench-admin-passphrase" >"$work/password")
db=${3:-}
if [ -z "$db" ]; then
  db=$work/year.db
  "$cli" journal generate --db "$db" --start 2025-01-01 --days 365 --per-day 110 --seed 7 \
    --user admin --password-file "$work/password" >/dev/null
fi
day=2025-06-02
"$cli" sign-in --db "$db" --session "$work/session" --minutes 120 --user admin --password-file "$work/password" >/dev/null
echo "journal: $db ($(sqlite3 "$db" 'select count(*) from visits') visits); $(nproc) CPUs"
"$bench" "$runs" \
  "floor: sqlite3, one day's visits counted" -- sqlite3 "$db" "select count(*) from visits where visit_date='$day'" ";" \
  "madoguchi-cli copay" -- "$cli" copay --birth 1990-02-02 --on 2026-11-25 --points 1235 ";" \
  "madoguchi-cli report daily (--password-file)" -- "$cli" report daily --db "$db" --date $day \
    --user admin --password-file "$work/password" ";" \
  "madoguchi-cli report daily (--session)" -- "$cli" report daily --db "$db" --date $day --session "$work/session"
