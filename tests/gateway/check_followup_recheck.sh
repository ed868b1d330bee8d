#!/usr/bin/env bash
# madoguchi-cli followup recheck against sim oqs on real folders and a real journal: the bulk job is
# answered "still processing" first and then as a .zip; the confirmed visit is re-tagged CURRENT
# with who, when and which answer; a job still processing after the last ask exits 1 naming its
# reception number; a rejected job exits 2 with the terminal's text.
set -uo pipefail
cli=$1
root=$(mktemp -d /tmp/madoguchi-recheck-XXXXXX)
sim=""
failures=0
fail() { echo "FAIL $*"; failures=$((failures+1)); }
stop_sim() { [ -n "$sim" ] && kill "$sim" 2>/dev/null && wait "$sim" 2>/dev/null; sim=""; }
trap 'stop_sim; rm -rf "$root"' EXIT
export XDG_CONFIG_HOME="$root/config"  # the audit key of this run, not the user's
(umask 077; echo 'a passphrase of four words' >"$root/pw")
signin=(--db "$root/journal.db" --user admin --password-file "$root/pw")
"$cli" journal generate --start 2026-11-01 --days 3 --per-day 20 --seed 7 "${signin[@]}" >/dev/null ||
  { echo "FAIL journal generate"; exit 1; }
IFS='|' read -r visit insurer symbol number branch birth < <(sqlite3 -separator '|' "$root/journal.db" \
  "SELECT v.id, v.insurer_number, v.card_symbol, v.card_number, v.card_branch, p.birth_date FROM visits v
   JOIN patients p ON p.id = v.patient_id WHERE v.claim_route = 'old' AND v.cancelled = 0 ORDER BY v.started_at LIMIT 1")
followups=$(sqlite3 "$root/journal.db" "SELECT COUNT(*) FROM visits WHERE claim_route IN ('old','unknown') AND cancelled = 0")
[ -n "$visit" ] && [ "$followups" -ge 2 ] || { echo "FAIL the generated journal has no follow-ups"; exit 1; }

dataset() {  # the terminal knows the first OLD visit's person; $1: a top-level fault, if any
  cat >"$root/dataset.json" <<JSON
{"medical_institution_code": "1312345678", ${1:-} "people": [
 {"id": "K", "validity": "1", "insurer_number": "$insurer", "symbol": "$symbol", "number": "$number",
  "branch": "$branch", "name": "一括　照会", "birth_date": "$birth"}]}
JSON
}
start_sim() {  # a fresh folder root each time
  rm -rf "$root/oqs"
  "$cli" sim oqs --root "$root/oqs" --dataset "$root/dataset.json" "$@" 2>/dev/null &
  sim=$!
  for _ in $(seq 50); do [ -d "$root/oqs/req" ] && break; sleep 0.1; done
}

dataset
start_sim --bulk-processing-asks 1 --bulk-zip
"$cli" followup recheck --root "$root/oqs" --ask-again-ms 200 --timeout-ms 20000 "${signin[@]}" \
  >"$root/recheck.json" 2>"$root/recheck.err" || fail "recheck: $(cat "$root/recheck.err")"
stop_sim
[ "$(jq -r '.retagged' "$root/recheck.json")" = 1 ] || fail "one visit re-tagged: $(cat "$root/recheck.json")"
[ "$(jq -r --arg v "$visit" '.visits[] | select(.visit_id == $v) | .verdict' "$root/recheck.json")" = retagged ] ||
  fail "$visit re-tagged: $(cat "$root/recheck.json")"
[ "$(jq -r '[.visits[] | select(.verdict == "not_confirmed")] | length' "$root/recheck.json")" = $((followups - 1)) ] ||
  fail "the others stay: $(cat "$root/recheck.json")"
jq -r '.answer_file' "$root/recheck.json" | grep -q '^OQSmuquc02res_.*\.zip$' || fail "answered as a zip"
[ "$(ls "$root/oqs/req" | grep -c '^OQSmuquc02req_')" = 2 ] || fail "asked twice: $(ls "$root/oqs/req")"
answer=$(jq -r '.answer_file' "$root/recheck.json")
"$cli" oqs parse "$root/oqs/res/$answer" "${signin[@]}" >"$root/parsed.json" 2>&1 || fail "oqs parse $answer: $(cat "$root/parsed.json")"
grep -q '一括　照会' "$root/parsed.json" || fail "oqs parse reads the zip's answer: $(head -c 300 "$root/parsed.json")"
[ "$(sqlite3 "$root/journal.db" "SELECT claim_route FROM visits WHERE id = '$visit'")" = current ] || fail "route in the journal"
[ "$(sqlite3 "$root/journal.db" "SELECT staff_id FROM retags WHERE visit_id = '$visit'")" = admin ] || fail "who"
sqlite3 "$root/journal.db" "SELECT evidence FROM retags WHERE visit_id = '$visit'" | grep -q '一括　照会' || fail "which answer"
[ "$(sqlite3 "$root/journal.db" "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.retagged'")" = 1 ] || fail "audited"

start_sim --bulk-processing-asks 50
"$cli" followup recheck --root "$root/oqs" --ask-again-ms 100 --max-asks 2 --timeout-ms 20000 "${signin[@]}" \
  >/dev/null 2>"$root/limit.err"
rc=$?
stop_sim
[ "$rc" = 1 ] || fail "still processing after the last ask: exit $rc, $(cat "$root/limit.err")"
reception=$(ls "$root/oqs/res" | grep '^OQSmuquc01res_' | head -1)
number=$(grep -o '<ReceptionNumber>[^<]*' "$root/oqs/res/$reception" | cut -d'>' -f2)
grep -q "$number" "$root/limit.err" || fail "the reception number on stderr: $(cat "$root/limit.err")"

dataset '"fault": {"reject": "一括照会ファイルの形式に誤りがあります"},'
start_sim
"$cli" followup recheck --root "$root/oqs" --timeout-ms 20000 "${signin[@]}" >/dev/null 2>"$root/reject.err"
rc=$?
stop_sim
[ "$rc" = 2 ] || fail "a rejected job exits 2, got $rc"
grep -q '一括照会ファイルの形式に誤りがあります' "$root/reject.err" || fail "the terminal's text: $(cat "$root/reject.err")"

[ "$failures" = 0 ] && echo "ok: bulk re-check still processing then zip, limit, rejection"
exit "$failures"
