#!/usr/bin/env bash
# The manager's reports through madoguchi-cli on a generated year of a clinic: each answer is
# checked against the journal itself (sqlite3), in JSON and in CSV (with and without the BOM).
set -uo pipefail
cli=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/year.sqlite3
failures=0
fail() { echo "FAIL $*"; failures=$((failures+1)); }
ok() { echo "ok $*"; }
expect() {  # description, expected, actual
  if [ "$2" == "$3" ]; then ok "$1"; else fail "$1: expected '$2', got '$3'"; fi
}
sql() { sqlite3 "$db" "$1"; }
# The audit key lives beside the settings: a folder private to this run.
export XDG_CONFIG_HOME=$work/config
# Every journal command signs in; a script keeps the password in a file only its owner may read.
(umask 077; echo "reports-admin-passphrase" >"$work/admin.password")
as_admin=(--user admin --password-file "$work/admin.password")

"$cli" journal generate --db "$db" --start 2025-01-01 --days 365 --per-day 30 --seed 11 "${as_admin[@]}" >"$work/generated.json" \
  || { echo "FAIL journal generate"; exit 1; }
expect "the first administrator made by journal generate" admin "$(sql "SELECT id FROM staff WHERE role='admin'")"
expect "files the CLI made are private" "600 600 700" \
  "$(stat -c %a "$db") $(stat -c %a "$db.anchor") $(stat -c %a "$XDG_CONFIG_HOME/madoguchi")"
expect "the audit key is private" 600 "$(stat -c %a "$XDG_CONFIG_HOME/madoguchi/audit.key")"
expect "a year generated" 10950 "$(jq .visits "$work/generated.json")"
expect "every visit stored" 10950 "$(sql 'SELECT COUNT(*) FROM visits')"

# daily, JSON
day=2025-06-02
"$cli" report daily --db "$db" --date $day "${as_admin[@]}" >"$work/daily.json" || fail "report daily exit $?"
expect "daily: the date" "$day" "$(jq -r .date "$work/daily.json")"
expect "daily: visits (not cancelled)" "$(sql "SELECT COUNT(*) FROM visits WHERE visit_date='$day' AND cancelled=0")" "$(jq .visits "$work/daily.json")"
expect "daily: visits + cancelled = the day's receptions" 30 "$(jq '.visits + .cancelled' "$work/daily.json")"
expect "daily: by source adds up" "$(jq .visits "$work/daily.json")" "$(jq '[.by_source[]] | add' "$work/daily.json")"
expect "daily: by claim route adds up" "$(jq .visits "$work/daily.json")" "$(jq '[.by_claim_route[]] | add' "$work/daily.json")"
expect "daily: by identity method adds up" "$(jq .visits "$work/daily.json")" "$(jq '[.by_identity_method[]] | add' "$work/daily.json")"
expect "daily: face checks" "$(sql "SELECT COUNT(*) FROM visits WHERE visit_date='$day' AND cancelled=0 AND identity_method='face'")" \
  "$(jq '.by_identity_method.face // 0' "$work/daily.json")"
expect "daily: copay total" "$(sql "SELECT COALESCE(SUM(copay_yen),0) FROM visits WHERE visit_date='$day' AND cancelled=0")" \
  "$(jq .copay_total_yen "$work/daily.json")"
expect "daily: 申立書 count" "$(sql "SELECT COUNT(*) FROM visits WHERE visit_date='$day' AND cancelled=0 AND source='self_declaration'")" \
  "$(jq .self_declarations "$work/daily.json")"
expect "daily: fallbacks" "$(sql "SELECT COUNT(*) FROM visits WHERE visit_date='$day' AND cancelled=0 AND source NOT IN ('online_card','online_numbers')")" \
  "$(jq .fallbacks "$work/daily.json")"

# a day with a 10割 case: each one listed with its reason
full_day=$(sql "SELECT visit_date FROM visits WHERE share_tenths=10 AND cancelled=0 ORDER BY visit_date LIMIT 1")
"$cli" report daily --db "$db" --date "$full_day" "${as_admin[@]}" >"$work/full.json" || fail "report daily ($full_day) exit $?"
expect "daily: 10割 cases listed" "$(sql "SELECT COUNT(*) FROM visits WHERE visit_date='$full_day' AND share_tenths=10 AND cancelled=0")" \
  "$(jq '.full_charges | length' "$work/full.json")"
expect "daily: 10割 reasons given" true "$(jq '[.full_charges[].reason | length > 0] | all' "$work/full.json")"

# daily, CSV with a BOM for Excel
"$cli" report daily --db "$db" --date $day --format csv --bom "${as_admin[@]}" >"$work/daily.csv" || fail "report daily csv exit $?"
expect "daily csv: starts with the UTF-8 BOM" "efbbbf" "$(head -c 3 "$work/daily.csv" | od -An -tx1 | tr -d ' \n')"
expect "daily csv: header" '"visit_id","date","started_at","patient_id","patient_name","identity_method","source","validity","claim_route","share_tenths","copay_yen","full_charge_reason","cancelled"' \
  "$(head -n 1 "$work/daily.csv" | tail -c +4 | tr -d '\r')"
expect "daily csv: one row per reception, then the sealed audit anchor" 31 "$(tail -n +2 "$work/daily.csv" | wc -l)"
expect "daily csv: the last line is the audit anchor" true "$(tail -n 1 "$work/daily.csv" | grep -q '^# audit anchor rows=[0-9]* head=[0-9a-f]\{64\} at=.* seal=[0-9a-f]\{64\}' && echo true)"
expect "daily csv: CRLF line ends" 32 "$(grep -c $'\r$' "$work/daily.csv")"
expect "daily csv: every row of the day" 30 "$(tail -n +2 "$work/daily.csv" | cut -d, -f2 | grep -c "^\"$day\"\$")"
expect "daily csv: names in UTF-8" true "$(grep -q '患者P' "$work/daily.csv" && echo true)"
expect "daily csv: copay column adds up with the JSON (cancelled rows included)" \
  "$(sql "SELECT COALESCE(SUM(copay_yen),0) FROM visits WHERE visit_date='$day'")" \
  "$(tail -n +2 "$work/daily.csv" | grep -v '^# audit anchor' | tr -d '"' | awk -F, '{ total += $11 } END { print total + 0 }')"
# (the day was read twice: JSON, then CSV)
expect "daily: each patient shown is in the audit trail, with who and which window" \
  "$(( $(sql "SELECT COUNT(DISTINCT patient_id) FROM visits WHERE visit_date='$day'") * 2 ))" \
  "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='patient.read' AND staff_id='admin' AND detail='madoguchi-cli report daily $day' AND window LIKE 'madoguchi-cli on %'")"
expect "daily csv: the export is in the audit trail" 1 \
  "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='export.csv' AND detail='report daily $day: 30 rows to the standard output'")"

# follow-up list, oldest first
"$cli" report followup --db "$db" "${as_admin[@]}" >"$work/followup.json" || fail "report followup exit $?"
expect "followup: OLD and UNKNOWN visits" "$(sql "SELECT COUNT(*) FROM visits WHERE claim_route IN ('old','unknown') AND cancelled=0")" \
  "$(jq .count "$work/followup.json")"
expect "followup: count matches the list" "$(jq .count "$work/followup.json")" "$(jq '.visits | length' "$work/followup.json")"
expect "followup: only old and unknown" true "$(jq '[.visits[].claim_route] | all(. == "old" or . == "unknown")' "$work/followup.json")"
expect "followup: oldest first" true "$(jq '[.visits[].date] as $d | $d == ($d | sort)' "$work/followup.json")"
expect "followup: starts with the oldest" "$(sql "SELECT MIN(visit_date) FROM visits WHERE claim_route IN ('old','unknown') AND cancelled=0")" \
  "$(jq -r '.visits[0].date' "$work/followup.json")"
"$cli" report followup --db "$db" --format csv "${as_admin[@]}" >"$work/followup.csv" || fail "report followup csv exit $?"
expect "followup csv: no BOM unless asked" '"visit_id"' "$(head -c 10 "$work/followup.csv")"
expect "followup csv: one row per visit" "$(jq .count "$work/followup.json")" "$(tail -n +2 "$work/followup.csv" | wc -l)"

# usage: the estimate for a month, the official figure, the billing standing
month=2025-08
"$cli" report usage --db "$db" --month $month "${as_admin[@]}" >"$work/usage.json" || fail "report usage exit $?"
seen=$(sql "SELECT COUNT(DISTINCT patient_id) FROM visits WHERE visit_date BETWEEN '$month-01' AND '$month-31' AND cancelled=0")
card=$(sql "SELECT COUNT(DISTINCT patient_id) FROM visits WHERE visit_date BETWEEN '$month-01' AND '$month-31' AND cancelled=0 AND source='online_card'")
expect "usage: patients seen" "$seen" "$(jq .patients_seen "$work/usage.json")"
expect "usage: patients with the card" "$card" "$(jq .patients_with_card "$work/usage.json")"
expect "usage: the estimate" "$(( card * 10000 / seen ))" "$(jq '.estimate_percent * 100 | round' "$work/usage.json")"
expect "usage: no official figure yet" null "$(jq .official_percent "$work/usage.json")"
expect "usage: best of 2025-03..05 for billing month 2025-08" true \
  "$(jq '.billing_best_month | IN("2025-03", "2025-04", "2025-05")' "$work/usage.json")"
rate_of() {  # the card rate of a month in percent, from the journal
  sql "SELECT COUNT(DISTINCT CASE WHEN source='online_card' THEN patient_id END) * 100.0 / COUNT(DISTINCT patient_id)
       FROM visits WHERE visit_date BETWEEN '$1-01' AND '$1-31' AND cancelled=0"
}
best=$(for m in 2025-03 2025-04 2025-05; do rate_of $m; done | sort -g | tail -n 1)
expect "usage: the billing best is the best of 2025-03..05 in the journal" true \
  "$(jq --argjson best "$best" '((.billing_best_percent - $best) | fabs) < 0.01' "$work/usage.json")"
# 2025-04..09 thresholds: 45 / 30 / 15 (resources/rules/bonus_tiers.tsv); tier and next tier from the journal's rate
tier=$(awk -v r="$best" 'BEGIN { print (r >= 45) ? 1 : (r >= 30) ? 2 : (r >= 15) ? 3 : "null" }')
next_tier=$(awk -v t="$tier" 'BEGIN { print (t == "null") ? 3 : (t == 1) ? "null" : t - 1 }')
expect "usage: the tier of the best rate" "$tier" "$(jq .tier "$work/usage.json")"
expect "usage: the next tier" "$next_tier" "$(jq .next_tier "$work/usage.json")"

"$cli" report usage --db "$db" --month 2025-05 --set-official 0.21 "${as_admin[@]}" >"$work/official.json" || fail "usage --set-official exit $?"
expect "usage: the official figure entered" 21 "$(jq .official_percent "$work/official.json")"
expect "usage: the entry is audited, signed by who signed in" 1 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='usage.official_rate' AND staff_id='admin' AND detail='2025-05=2100'")"
"$cli" report usage --db "$db" --month 2025-05 "${as_admin[@]}" >"$work/again.json"
expect "usage: the official figure is kept" 21 "$(jq .official_percent "$work/again.json")"
"$cli" report usage --db "$db" --month $month --format csv --bom "${as_admin[@]}" >"$work/usage.csv" || fail "report usage csv exit $?"
expect "usage csv: BOM and header" "efbbbf" "$(head -c 3 "$work/usage.csv" | od -An -tx1 | tr -d ' \n')"
expect "usage csv: the month's row" "\"$month\",\"$seen\",\"$card\"" "$(sed -n 2p "$work/usage.csv" | cut -d, -f1-3)"

# the audit chain over the whole year
"$cli" audit verify --db "$db" "${as_admin[@]}" >"$work/audit.json" || fail "audit verify exit $?"
expect "audit: intact over the year" true "$(jq .intact "$work/audit.json")"

# no report without a sign-in
"$cli" report daily --db "$db" --date $day >/dev/null 2>"$work/err"; expect "no sign-in: refused" 2 $?
expect "no sign-in: says how" true "$(grep -q -- '--user ID' "$work/err" && echo true)"
echo "wrong-passphrase-here" >"$work/wrong.password"; chmod 600 "$work/wrong.password"
"$cli" report daily --db "$db" --date $day --user admin --password-file "$work/wrong.password" >/dev/null 2>"$work/err"
expect "wrong password: refused" 2 $?
expect "wrong password: the same answer as an unknown ID" true "$(grep -q 'The staff ID or the password is wrong' "$work/err" && echo true)"
"$cli" report daily --db "$db" --date $day --user nobody --password-file "$work/admin.password" >/dev/null 2>"$work/err"
expect "unknown ID: refused" 2 $?
chmod 644 "$work/admin.password"
"$cli" report daily --db "$db" --date $day "${as_admin[@]}" >/dev/null 2>"$work/err"
expect "a password file others may read: refused" 2 $?
expect "a password file others may read: says why" true "$(grep -q 'may be read by others' "$work/err" && echo true)"
chmod 600 "$work/admin.password"
expect "the failed sign-ins are audited" 2 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='staff.sign_in_failed'")"
"$cli" journal migrate --db "$db" --user intruder --password-file "$work/wrong.password" >/dev/null 2>&1
expect "journal migrate on a journal with an administrator does not make another" 2 $?
"$cli" audit verify --db "$db" "${as_admin[@]}" >"$work/audit2.json" || fail "audit verify after the refusals exit $?"
expect "audit: still intact after the refusals" true "$(jq .intact "$work/audit2.json")"

# a session ticket for scripts: the password once, then --session FILE
"$cli" sign-in --db "$db" --session "$work/session" --minutes 30 "${as_admin[@]}" >"$work/signin.json" \
  || fail "sign-in exit $?"
expect "sign-in: the ticket is private" 600 "$(stat -c %a "$work/session")"
expect "sign-in: says who and until when" "admin admin" "$(jq -r '.staff + " " + .role' "$work/signin.json")"
"$cli" report daily --db "$db" --date $day --session "$work/session" >"$work/daily-session.json" || fail "report with a session exit $?"
expect "a session signs in: the same report" "$(jq -c 'del(.audit_anchor)' "$work/daily.json")" \
  "$(jq -c 'del(.audit_anchor)' "$work/daily-session.json")"
expect "the session's use is audited" 1 "$(sql "SELECT COUNT(*) FROM audit_log WHERE action='staff.sign_in' AND detail LIKE 'by session %'")"
"$cli" report daily --db "$db" --date $day --session "$work/session" "${as_admin[@]}" >/dev/null 2>&1
expect "a session and a password at once: refused" 2 $?
"$cli" sign-in --db "$db" --session "$work/old-session" --today 2000-01-01 "${as_admin[@]}" >/dev/null  # ended long ago
"$cli" report daily --db "$db" --date $day --session "$work/old-session" >/dev/null 2>"$work/err"
expect "an ended session: refused" 2 $?
expect "an ended session: says so" true "$(grep -q 'The session has ended' "$work/err" && echo true)"
cp "$work/session" "$work/edited"; sed -i 's/^role=admin/role=manager/' "$work/edited"
"$cli" report daily --db "$db" --date $day --session "$work/edited" >/dev/null 2>"$work/err"
expect "an edited ticket: refused" 2 $?
expect "an edited ticket: says so" true "$(grep -q "seal does not match" "$work/err" && echo true)"
XDG_CONFIG_HOME=$work/other-pc "$cli" report daily --db "$db" --date $day --session "$work/session" >/dev/null 2>&1
expect "a ticket on another account's key: refused" 2 $?
cp "$work/session" "$work/copy"
"$cli" sign-out --db "$db" --session "$work/session" >/dev/null || fail "sign-out exit $?"
expect "sign-out removes the ticket" false "$([ -e "$work/session" ] && echo true || echo false)"
"$cli" report daily --db "$db" --date $day --session "$work/copy" >/dev/null 2>"$work/err"
expect "a copy of a signed-out ticket: refused" 2 $?
expect "a signed-out ticket: says so" true "$(grep -q 'signed out' "$work/err" && echo true)"

# clear errors
"$cli" report daily --db "$db" --date 2025-02-30 "${as_admin[@]}" >/dev/null 2>&1; expect "bad date refused" 2 $?
"$cli" report daily --db "$work/none.sqlite3" --date $day "${as_admin[@]}" >/dev/null 2>&1; expect "missing journal refused" 2 $?
"$cli" report usage --db "$db" --month $month --set-official 1.5 "${as_admin[@]}" >/dev/null 2>&1; expect "bad rate refused" 2 $?

echo "$failures failed"
exit "$failures"
