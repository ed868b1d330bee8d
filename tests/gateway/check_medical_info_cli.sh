#!/usr/bin/env bash
# madoguchi-cli druginfo / checkup against sim oqs on real folders and a real journal: the consent
# comes from a face file the simulated reader drops; the 薬剤情報 answer lists the merged days with
# the duplicate ロキソプロフェン flagged; mode 3, a missing consent and a second fetch within 6 hours
# are refused without writing a request; --force asks again; every fetch is audited; a PDF answer is
# written where asked; parse reads the hand-written answers, signed in and audited, as oqs parse does.
set -uo pipefail
cli=$1
data=$(cd "$(dirname "$0")/data" && pwd)
root=$(mktemp -d /tmp/madoguchi-druginfo-XXXXXX)
sim=""
failures=0
fail() { echo "FAIL $*"; failures=$((failures+1)); }
trap '[ -n "$sim" ] && kill "$sim" 2>/dev/null; rm -rf "$root"' EXIT
export XDG_CONFIG_HOME="$root/config"  # the audit key of this run, not the user's
(umask 077; echo 'a passphrase of four words' >"$root/pw")
signin=(--db "$root/journal.db" --user admin --password-file "$root/pw")
today=(--today 2026-11-30)
"$cli" journal generate --start 2026-11-01 --days 1 --per-day 1 --seed 7 "${signin[@]}" >/dev/null ||
  { echo "FAIL journal generate"; exit 1; }
"$cli" sim oqs --root "$root/oqs" "${today[@]}" 2>/dev/null &
sim=$!
for _ in $(seq 50); do [ -d "$root/oqs/face" ] && break; sleep 0.1; done
face() {  # the face file of a session at the reader for person $1
  "$cli" sim oqs --root "$root/oqs" "${today[@]}" --face "$1" --method face >/dev/null 2>&1 || fail "face $1"
  ls -t "$root/oqs/face" | grep "_$1_" | head -1
}
p1="$root/oqs/face/$(face P001)"
p3="$root/oqs/face/$(face P003)"
requests() { ls "$root/oqs/req" | grep -c "^$1" ; }
fetch=(--root "$root/oqs" "${today[@]}" --timeout-ms 20000 "${signin[@]}")

"$cli" druginfo fetch --result "$p1" --patient P001 --with-treatments "${fetch[@]}" >"$root/drugs.json" 2>"$root/drugs.err" ||
  fail "druginfo fetch: $(cat "$root/drugs.err")"
[ "$(jq -r '.patient.name' "$root/drugs.json")" = "窓口　花子" ] || fail "the patient: $(head -c 300 "$root/drugs.json")"
[ "$(jq -r '.possible_duplicates | length' "$root/drugs.json")" = 1 ] || fail "one duplicate: $(jq -c '.possible_duplicates' "$root/drugs.json")"
[ "$(jq -r '.possible_duplicates[0].ingredient' "$root/drugs.json")" = "ロキソプロフェンナトリウム水和物" ] || fail "which ingredient"
[ "$(jq -r '[.days[] | select(.revised)] | length' "$root/drugs.json")" = 2 ] || fail "two revised copies: $(jq -c '[.days[] | {date, source, revised}]' "$root/drugs.json")"
[ "$(jq -r '[.days[] | select(.month < "202606")] | length' "$root/drugs.json")" = 0 ] || fail "only the asked months"
[ "$(jq -r '[.days[].treatments[]] | length' "$root/drugs.json")" = 2 ] || fail "the 診療 items"
grep -q '<StartDate>202606</StartDate>' "$root"/oqs/req/YZKsiquc01req_* || fail "six months asked: $(cat "$root"/oqs/req/YZKsiquc01req_*)"

"$cli" druginfo fetch --result "$p1" --patient P001 "${fetch[@]}" >/dev/null 2>"$root/again.err"
rc=$?
[ "$rc" = 1 ] && grep -q 'recently_fetched' "$root/again.err" || fail "a second fetch within 6 h is refused: $rc $(cat "$root/again.err")"
[ "$(requests YZKsiquc01req_)" = 1 ] || fail "no second request written"
"$cli" druginfo fetch --result "$p1" --patient P001 --force "${fetch[@]}" >/dev/null 2>"$root/force.err" ||
  fail "--force asks again: $(cat "$root/force.err")"
[ "$(requests YZKsiquc01req_)" = 2 ] || fail "the forced request"

"$cli" checkup fetch --result "$p1" --patient P001 --mode 3 "${fetch[@]}" >/dev/null 2>"$root/mode.err"
rc=$?
[ "$rc" = 1 ] && grep -q 'medical_info.mode' "$root/mode.err" || fail "mode 3 refuses: $rc $(cat "$root/mode.err")"
"$cli" checkup fetch --result "$p3" --patient P003 "${fetch[@]}" >/dev/null 2>"$root/consent.err"
rc=$?
[ "$rc" = 1 ] && grep -q 'medical_info.no_consent' "$root/consent.err" || fail "no checkup consent: $rc $(cat "$root/consent.err")"
[ "$(requests TKKsiquc01req_)" = 0 ] || fail "nothing written when refused"

"$cli" checkup fetch --result "$p1" --patient P001 "${fetch[@]}" >"$root/checkups.json" 2>"$root/checkups.err" ||
  fail "checkup fetch: $(cat "$root/checkups.err")"
[ "$(jq -r '.checkups | length' "$root/checkups.json")" = 3 ] || fail "three years: $(head -c 300 "$root/checkups.json")"
[ "$(jq -r '.checkups[0].effective_time' "$root/checkups.json")" = 20260615 ] || fail "newest first"
[ "$(jq -r '[.checkups[0].items[] | select(.outside_range) | .name] | join(",")' "$root/checkups.json")" = \
  "収縮期血圧,HbA1c（NGSP値）" ] || fail "outside the range: $(jq -c '[.checkups[0].items[] | {name, outside_range}]' "$root/checkups.json")"

"$cli" checkup fetch --result "$p1" --patient P001 --force --pdf --out "$root/checkups.pdf" "${fetch[@]}" >/dev/null \
  2>"$root/pdf.err" || fail "a PDF: $(cat "$root/pdf.err")"
head -c 5 "$root/checkups.pdf" | grep -q '%PDF-' || fail "the PDF written"
[ "$(stat -c %a "$root/checkups.pdf")" = 600 ] || fail "the PDF is private"

audited=$(sqlite3 "$root/journal.db" "SELECT action || ' ' || patient_id || ' ' || staff_id FROM audit_log
  WHERE action IN ('medication.fetch', 'checkups.fetch') ORDER BY seq")
[ "$audited" = $'medication.fetch P001 admin\nmedication.fetch P001 admin\ncheckups.fetch P001 admin\ncheckups.fetch P001 admin' ] ||
  fail "every fetch audited: $audited"
refused=$(sqlite3 "$root/journal.db" "SELECT action || ' ' || patient_id || ' ' || detail FROM audit_log
  WHERE action LIKE '%.fetch_refused' ORDER BY seq")
[ "$refused" = $'medication.fetch_refused P001 medical_info.recently_fetched\ncheckups.fetch_refused P001 medical_info.mode\ncheckups.fetch_refused P003 medical_info.no_consent' ] ||
  fail "every refused fetch audited: $refused"

parse=(--db "$root/journal.db" --user admin --password-file "$root/pw")
"$cli" druginfo parse "$data/YZKsiquc01res_shift_jis.xml" --db "$root/journal.db" >/dev/null 2>"$root/unsigned.err"
[ $? = 2 ] && grep -q -- '--user' "$root/unsigned.err" || fail "parse without signing in is refused: $(cat "$root/unsigned.err")"
"$cli" druginfo parse "$data/YZKsiquc01res_shift_jis.xml" --patient P-42 "${parse[@]}" >"$root/parsed.json" || fail "druginfo parse"
[ "$(jq -r '.possible_duplicates[0].later.institution_name' "$root/parsed.json")" = "登戸ペインクリニック" ] ||
  fail "parse flags the duplicate: $(jq -c '.possible_duplicates' "$root/parsed.json")"
"$cli" druginfo parse "$data/YZKsiquc01res_error.xml" "${parse[@]}" >/dev/null 2>"$root/error.err"
[ $? = 2 ] && grep -q '同意がないため' "$root/error.err" || fail "the terminal's text on stderr: $(cat "$root/error.err")"
"$cli" checkup parse "$data/hostile_entity_expansion.xml" "${parse[@]}" >/dev/null 2>&1
[ $? = 2 ] || fail "hostile checkup answer refused"
"$cli" checkup parse "$data/TKKsiquc01res_three_years.xml" "${parse[@]}" | jq -e '.checkups[0].items[0].outside_range' >/dev/null ||
  fail "checkup parse"
parsed=$(sqlite3 "$root/journal.db" "SELECT action || ' ' || patient_id || ' ' || staff_id FROM audit_log
  WHERE action IN ('medication.parse', 'checkups.parse') ORDER BY seq")
[ "$(echo "$parsed" | head -1)" = "medication.parse P-42 admin" ] && [ "$(echo "$parsed" | wc -l)" = 4 ] ||
  fail "every parse audited: $parsed"

# Answers written by hand from INTEROP.md §7 alone (CP932 text under a Shift_JIS label, each date's
# drug list nested in it, ResultCode in the header of the checkup): the drugs, dates, institutions
# and values as written; the duplicate exactly where an ingredient overlaps across institutions
# (セレコキシブ from 西が丘 ends 10-03, 北町's starts 10-04: not flagged; the revised copy left out).
"$cli" druginfo parse "$data/YZKsiquc01res_interop_nested_cp932.xml" "${parse[@]}" >"$root/interop.json" ||
  fail "druginfo parse (INTEROP-only file)"
[ "$(jq -r '[.possible_duplicates[] | .ingredient + ":" + .earlier.institution_code + "/" + .later.institution_code + ":" + .later.first_day] | join(",")' "$root/interop.json")" = \
  "ファモチジン:1310000001/1310000003:2026-09-20,メトホルミン塩酸塩:1310000001/1310000005:2026-10-25" ] ||
  fail "the duplicates of the INTEROP-only file: $(jq -c '.possible_duplicates' "$root/interop.json")"
[ "$(jq -r '[.days[] | .source + " " + .date + " " + .institution_name + (if .revised then " revised" else "" end)] | join(",")' "$root/interop.json")" = \
  "claims 20260905 北町内科医院,claims 20260920 南口薬局,dispensing 20260920 南口薬局 revised,claims 20261003 北町内科医院,claims 20261004 北町内科医院,prescription 20261025 東駅前クリニック,prescription 20261110 東駅前クリニック" ] ||
  fail "the days of the INTEROP-only file: $(jq -c '[.days[] | {source, date, institution_name, revised}]' "$root/interop.json")"
[ "$(jq -r '.days[3].drugs[0] | [.name, .ingredient, .quantity, .unit, .usage, .days] | join("|")' "$root/interop.json")" = \
  "メトホルミン塩酸塩錠２５０ｍｇ|メトホルミン塩酸塩|3|錠|1日3回毎食後|28" ] || fail "a drug of the INTEROP-only file"
[ "$(jq -r '.days[0].treatments[0].name + "|" + .days[1].prescriber_name + "|" + .days[1].drugs[1].special_instruction' "$root/interop.json")" = \
  "再診料|西が丘整形外科|痛む時のみ継続" ] || fail "診療, prescriber and instruction of the INTEROP-only file"
"$cli" checkup parse "$data/TKKsiquc01res_interop_cp932.xml" "${parse[@]}" >"$root/interop-checkups.json" ||
  fail "checkup parse (INTEROP-only file)"
[ "$(jq -r '[.checkups[] | .effective_time] | join(",")' "$root/interop-checkups.json")" = "20260601,20250518,20240520" ] ||
  fail "the checkups newest first"
[ "$(jq -r '[.checkups[0].items[] | .name + "=" + .value + .unit + (if .value_name != "" then "(" + .value_name + ")" else "" end) + (if .outside_range then "!" else "" end)] | join(",")' "$root/interop-checkups.json")" = \
  "収縮期血圧=142mmHg!,HbA1c（NGSP値）=5.5%,BMI=17.9kg/m2!,尿糖=1(（－）)" ] ||
  fail "the latest values, units and ranges: $(jq -c '.checkups[0].items' "$root/interop-checkups.json")"

# oqs parse shows patient data too: the same rule (signed in, audited)
"$cli" oqs parse "$data/valid_kyokai.xml" --db "$root/journal.db" >/dev/null 2>"$root/oqs-unsigned.err"
[ $? = 2 ] && grep -q -- '--user' "$root/oqs-unsigned.err" || fail "oqs parse without signing in is refused: $(cat "$root/oqs-unsigned.err")"
"$cli" oqs parse "$data/valid_kyokai.xml" --patient P-43 "${parse[@]}" | grep -q '"label": "有効"' ||
  fail "oqs parse signed in"
[ "$(sqlite3 "$root/journal.db" "SELECT patient_id || ' ' || staff_id || ' ' || detail FROM audit_log WHERE action = 'oqs.parse'")" = \
  "P-43 admin $data/valid_kyokai.xml" ] || fail "oqs parse audited"

[ "$failures" = 0 ] && echo "ok: druginfo/checkup fetch with consent, gates, audit, PDF; parse"
exit "$failures"
