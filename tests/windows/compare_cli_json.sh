#!/usr/bin/env bash
# The Windows madoguchi-cli.exe under Wine answers the copay, insurer-number and scenario cases
# with exactly the bytes the Linux build prints (stdout: the JSON; and the same exit code), a
# scenario file in a folder with a Japanese name included. Run by
# scripts/build-windows.sh --test (docs/windows.md).
#
#   tests/windows/compare_cli_json.sh LINUX_CLI WINDOWS_CLI_EXE
#
# WINEPREFIX must name a ready prefix (build-windows.sh makes a private one). Prints one line per
# case and "N differ"; exits 1 when any case differs, 2 on bad usage.
set -uo pipefail
if [ $# -ne 2 ] || [ ! -x "$1" ] || [ ! -f "$2" ]; then
  echo "usage: $0 LINUX_CLI WINDOWS_CLI_EXE" >&2; exit 2
fi
linux_cli=$1 windows_cli=$2
wine_cmd=$(command -v wine || command -v wine64) || { echo "compare_cli_json: wine is not installed" >&2; exit 2; }
work=$(mktemp -d -t madoguchi-cli-json.XXXXXX)
# One wineserver for all the cases, kept until the end: without it each case's wine starts a
# server while the last one may still be shutting down (its 3 s linger), a race in which wine can
# fail before the program runs. CI once saw exit 1, which copay never returns, on one case of 28.
wineserver -k 2>/dev/null; wineserver -w 2>/dev/null
wineserver -p || { echo "compare_cli_json: wineserver could not be started" >&2; exit 2; }
trap 'wineserver -k 2>/dev/null; wineserver -w 2>/dev/null; rm -rf "$work"' EXIT
differ=0 cases=0

compare() {  # description, madoguchi-cli arguments...
  local what=$1; shift
  cases=$((cases + 1))
  "$linux_cli" "$@" >"$work/linux.out" 2>/dev/null; local linux_rc=$?
  "$wine_cmd" "$windows_cli" "$@" >"$work/windows.out" 2>"$work/windows.err"; local windows_rc=$?
  if [ ! -s "$work/linux.out" ] && [ "$linux_rc" -ne 2 ]; then
    echo "FAIL $what: the Linux build printed nothing (exit $linux_rc)"; differ=$((differ + 1)); return
  fi
  if [ "$linux_rc" != "$windows_rc" ]; then
    echo "FAIL $what: exit $windows_rc on Windows, $linux_rc on Linux"; sed 's/^/  windows stderr: /' "$work/windows.err"
    differ=$((differ + 1)); return
  fi
  if ! cmp -s "$work/linux.out" "$work/windows.out"; then
    echo "FAIL $what: the JSON differs"; diff <(od -c "$work/linux.out") <(od -c "$work/windows.out") | head -n 8
    differ=$((differ + 1)); return
  fi
  echo "same $what"
}

# copay: the age bands and their dates, the elderly and 後期 ratios, undecided cases, bad input.
compare "working age 3割 with rounding" copay --birth 1990-02-02 --on 2026-11-25 --points 1235
compare "preschool until 31 March" copay --birth 2020-04-01 --on 2026-03-31
compare "school age from 1 April" copay --birth 2020-04-01 --on 2026-04-01
compare "70 from the next month's 1st" copay --birth 1956-07-20 --on 2026-08-01
compare "69 the day before" copay --birth 1956-07-20 --on 2026-07-31
compare "現役並み 3割" copay --birth 1953-01-15 --on 2026-11-25 --elderly-ratio 030
compare "70-74 2割 on a 2025 date" copay --birth 1955-04-01 --on 2025-05-10 --elderly-ratio 020 --points 1234
compare "後期 with ratio" copay --birth 1940-01-01 --on 2026-11-25 --kouki-ratio 010 --points 1000
compare "後期 undecided" copay --birth 1940-01-01 --on 2026-11-25
compare "後期 under 75 pays the printed 1割" copay --birth 1958-03-03 --on 2026-11-25 --insurer 39131008 --printed-share 1 --points 1000
compare "preschool declared 3割 pays 2割" copay --birth 2022-05-01 --on 2026-11-25 --declared-share 3
compare "printed 2割 at 45: staff decide" copay --birth 1981-05-05 --on 2026-11-25 --printed-share 2
compare "bad date" copay --birth 1990-13-01 --on 2026-11-25
compare "negative points" copay --birth 1990-01-01 --on 2026-11-25 --points -5
# insurer-number: the kinds, full-width digits and an ideographic space (UTF-8 arguments), errors.
compare "valid kouki number" insurer-number check 39131008
compare "valid kyokai number" insurer-number check 01130012
compare "full-width kokuho number" insurer-number check '　１３８０６５'
compare "corrupted number" insurer-number check 01130013
compare "wrong length" insurer-number check 0113001
compare "letters" insurer-number check 0113００1X

# scenario: whole receptions through the state machine, read from a file; one from a folder and
# file with Japanese names (UTF-8 arguments reach the file system as UTF-16 on Windows).
scenarios="$(cd "$(dirname "${BASH_SOURCE[0]}")/../scenarios" && pwd)"
for scenario in confirmed_by_pin kouki_by_disability_certificate_printed_share pin_lock_then_visual \
    self_declaration_claim_remarks validity_six_is_public_assistance; do
  compare "scenario $scenario" scenario "$scenarios/$scenario.json"
done
mkdir -p "$work/受付 データ"
cp "$scenarios/multiple_matches_chosen_by_staff.json" "$work/受付 データ/資格確認.json"
compare "scenario in a Japanese folder" scenario "$work/受付 データ/資格確認.json"
compare "scenario file missing" scenario "$work/受付 データ/ない.json"

# A journal in a folder with a Japanese name (--db, a narrow string through storage to SQLite:
# UTF-8 on Windows too, through the programs' manifest, platform/windows/madoguchi.manifest): each
# build makes its own from the same seed, then reads its daily report as CSV; the rows and the
# audit anchor's row count must match.
journal_case() {  # description, report arguments...
  local what=$1; shift
  cases=$((cases + 1))
  local side rc_linux rc_windows
  for side in linux windows; do
    mkdir -p "$work/$side/受付 データ"
    (umask 077; echo 'a passphrase of four words' > "$work/$side/pw")
    local run=("$linux_cli"); [ "$side" = windows ] && run=("$wine_cmd" "$windows_cli")
    "${run[@]}" journal generate --db "$work/$side/受付 データ/日誌.db" --start 2025-01-06 --days 2 \
      --per-day 6 --seed 3 --user admin --password-file "$work/$side/pw" >/dev/null 2>"$work/$side.err" \
      || { echo "FAIL $what: journal generate failed on $side: $(head -c 300 "$work/$side.err")"; differ=$((differ + 1)); return; }
    "${run[@]}" report "$@" --db "$work/$side/受付 データ/日誌.db" --user admin \
      --password-file "$work/$side/pw" >"$work/$side.out" 2>/dev/null
    local rc=$?
    if [ "$side" = linux ]; then rc_linux=$rc; else rc_windows=$rc; fi
  done
  # Both end with the journal's sealed audit anchor ("# audit anchor rows=… head=… at=… seal=…"):
  # the same number of audit rows, but a head over salted hashes and the time of the run.
  for side in linux windows; do
    grep -q "^# audit anchor rows=[0-9]* head=[0-9a-f]\{64\} at=.* seal=" "$work/$side.out" || {
      echo "FAIL $what: no audit anchor on $side"; differ=$((differ + 1)); return; }
    sed -i 's/^\(# audit anchor rows=[0-9]*\) .*/\1/' "$work/$side.out"
  done
  if [ "$rc_linux" != "$rc_windows" ] || [ ! -s "$work/linux.out" ] || ! cmp -s "$work/linux.out" "$work/windows.out"; then
    echo "FAIL $what: exit $rc_windows on Windows, $rc_linux on Linux, or the output differs"
    diff <(od -c "$work/linux.out") <(od -c "$work/windows.out") | head -n 8
    differ=$((differ + 1)); return
  fi
  echo "same $what"
}
journal_case "daily report (CSV) of a journal in a Japanese folder" daily --date 2025-01-07 --format csv
echo "$differ of $cases differ"
[ "$differ" -eq 0 ]
