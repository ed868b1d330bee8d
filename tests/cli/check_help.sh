#!/usr/bin/env bash
# Every madoguchi-cli command and subcommand answers --help: exit 0, its usage on standard output,
# nothing on standard error. The list is written here, not read from the program's own help.
set -uo pipefail
cli=$1
failures=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT
check() {  # the words before --help; the usage must show a line for them
  local out rc
  out=$("$cli" "$@" --help 2>"$err"); rc=$?
  if [ "$rc" != 0 ]; then echo "FAIL $* --help: exit $rc ($(cat "$err"))"; failures=$((failures+1)); return; fi
  if [ -s "$err" ]; then echo "FAIL $* --help: wrote to stderr: $(cat "$err")"; failures=$((failures+1)); return; fi
  if ! grep -q '^usage:' <<<"$out" || ! grep -qF -- "madoguchi-cli $*" <<<"$out"; then
    echo "FAIL $* --help: no usage line 'madoguchi-cli $*' on stdout: $out"; failures=$((failures+1)); return; fi
  echo "ok $* --help"
}
out=$("$cli" --help); rc=$?
if [ "$rc" = 0 ] && grep -q '^usage: ' <<<"$out"; then echo "ok --help"; else echo "FAIL --help: exit $rc"; failures=$((failures+1)); fi
if "$cli" >/dev/null 2>&1; then echo "FAIL no command must exit non-zero"; failures=$((failures+1)); else echo "ok no command is an error"; fi
check copay
check insurer-number
check insurer-number check
check scenario
check oqs
check oqs parse
check oqs query
check sim
check sim oqs
check sim card
check card
for sub in read pin-status verify-pin check portrait-status face-check; do check card "$sub"; done
check report
for sub in daily followup usage; do check report "$sub"; done
check audit
check audit verify
check journal
check journal generate
check journal migrate
check staff
check staff password
for family in druginfo checkup; do check "$family"; check "$family" fetch; check "$family" parse; done
exit $((failures > 0))
