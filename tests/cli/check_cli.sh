#!/usr/bin/env bash
# madoguchi-cli copay and insurer-number: answers, exit codes and clear errors.
set -uo pipefail
cli=$1
failures=0
check() {  # description, expected exit code, jq filter that must print true, command args...
  local what=$1 code=$2 filter=$3; shift 3
  local out rc
  out=$("$cli" "$@" 2>/dev/null); rc=$?
  if [ "$rc" != "$code" ]; then echo "FAIL $what: exit $rc, expected $code"; failures=$((failures+1)); return; fi
  if [ -n "$filter" ] && [ "$(jq -r "$filter" <<<"$out")" != "true" ]; then
    echo "FAIL $what: $filter on $out"; failures=$((failures+1)); return; fi
  echo "ok $what"
}
check "working age 3割 with rounding" 0 '.share_tenths == 3 and .amount_yen == 3710' copay --birth 1990-02-02 --on 2026-11-25 --points 1235
check "preschool until 31 March" 0 '.share_tenths == 2 and .age_band == "preschool"' copay --birth 2020-04-01 --on 2026-03-31
check "school age from 1 April" 0 '.share_tenths == 3' copay --birth 2020-04-01 --on 2026-04-01
check "70 from the next month's 1st" 0 '.share_tenths == 2 and (.warnings | length) == 1' copay --birth 1956-07-20 --on 2026-08-01
check "69 the day before" 0 '.share_tenths == 3' copay --birth 1956-07-20 --on 2026-07-31
check "現役並み 3割" 0 '.share_tenths == 3 and (.warnings | length) == 0' copay --birth 1953-01-15 --on 2026-11-25 --elderly-ratio 030
check "後期 with ratio" 0 '.share_tenths == 1 and .amount_yen == 1000' copay --birth 1940-01-01 --on 2026-11-25 --kouki-ratio 010 --points 1000
check "後期 undecided" 3 '.share_tenths == null' copay --birth 1940-01-01 --on 2026-11-25
check "bad date" 2 '' copay --birth 1990-13-01 --on 2026-11-25
check "bad ratio" 2 '' copay --birth 1940-01-01 --on 2026-11-25 --kouki-ratio 100
check "missing option" 2 '' copay --birth 1940-01-01
check "negative points" 2 '' copay --birth 1990-01-01 --on 2026-11-25 --points -5
check "後期 under 75 pays the printed 1割" 0 '.share_tenths == 1 and .amount_yen == 1000' copay --birth 1958-03-03 --on 2026-11-25 --insurer 39131008 --printed-share 1 --points 1000
check "preschool declared 3割 pays 2割" 0 '.share_tenths == 2 and (.warnings | length) == 1' copay --birth 2022-05-01 --on 2026-11-25 --declared-share 3
check "70-74 declared 3割 decides" 0 '.share_tenths == 3' copay --birth 1954-03-10 --on 2026-11-25 --declared-share 3
check "printed 2割 at 45: staff decide" 3 '.share_tenths == null and (.candidates_tenths | sort) == [2,3]' copay --birth 1981-05-05 --on 2026-11-25 --printed-share 2
check "bad printed share" 2 '' copay --birth 1981-05-05 --on 2026-11-25 --printed-share 10
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"  # the audit key of this run, not the user's
(umask 077; echo "claim-check-passphrase" >"$work/admin.password")
as_admin=(--user admin --password-file "$work/admin.password")
"$cli" journal migrate --db "$work/journal.sqlite3" "${as_admin[@]}" >/dev/null 2>&1
check "claim remarks without sign-in" 2 '' claim remarks --db "$work/journal.sqlite3" --visit V-none
check "claim remarks of an unknown visit" 2 '' claim remarks --db "$work/journal.sqlite3" --visit V-none "${as_admin[@]}"
check "claim without a subcommand" 2 '' claim --db "$work/journal.sqlite3" --visit V-none "${as_admin[@]}"
check "valid kouki number" 0 '.valid and .kind == "kouki" and .normalized == "39131008"' insurer-number check 39131008
check "full-width kokuho number" 0 '.valid and .kind == "kokuho" and .normalized == "138065"' insurer-number check '　１３８０６５'
check "corrupted number" 1 '(.valid | not) and .reason_code == "insurer.check_digit"' insurer-number check 01130013
check "wrong length" 1 '.reason_code == "insurer.length"' insurer-number check 0113001
check "no number" 2 '' insurer-number check
check "unknown command" 2 '' frobnicate
# A full disk under the answer: a clear message and a failing exit code, not a silent success.
full_err=$("$cli" copay --birth 1990-02-02 --on 2026-11-25 --points 1235 2>&1 >/dev/full); full_rc=$?
if [ "$full_rc" = 2 ] && grep -q "cannot write the output" <<<"$full_err"; then echo "ok full disk under stdout"
else echo "FAIL full disk under stdout: exit $full_rc, '$full_err'"; failures=$((failures+1)); fi
# No shipped command writes the card's portrait or signs bytes of the caller's choosing (issue #14).
portrait_out=$(mktemp -u /tmp/check_cli_portrait.XXXXXX)
check "no card portrait --out" 2 '' card portrait --out "$portrait_out"
if [ -e "$portrait_out" ]; then echo "FAIL card portrait wrote $portrait_out"; failures=$((failures+1)); rm -f "$portrait_out"; fi
check "no card sign --challenge-hex" 2 '' card sign --challenge-hex 00112233
# Core dumps are off for the whole process (no PIN or portrait in a core file).
sim_root=$(mktemp -d /tmp/check_cli_sim.XXXXXX)
(ulimit -c unlimited 2>/dev/null; exec "$cli" sim oqs --root "$sim_root") >"$sim_root/out.json" 2>&1 &
sim_pid=$!
for _ in $(seq 100); do [ -s "$sim_root/out.json" ] && break; sleep 0.1; done
core_limit=$(awk '/^Max core file size/ { print $5 "/" $6 }' "/proc/$sim_pid/limits" 2>/dev/null)
kill "$sim_pid" 2>/dev/null; wait "$sim_pid" 2>/dev/null; rm -rf "$sim_root"
if [ "$core_limit" = "0/0" ]; then echo "ok core dumps off"; else echo "FAIL core dumps off: core limit '$core_limit'"; failures=$((failures+1)); fi
echo "$failures failed"
exit "$failures"
