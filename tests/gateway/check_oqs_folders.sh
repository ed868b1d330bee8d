#!/usr/bin/env bash
# madoguchi-cli oqs query against sim oqs on real folders: two query processes at once on the same
# folders get distinct request numbers and both answers; a rejected request exits non-zero with the
# terminal's text on stderr; --encoding shift_jis writes a Shift_JIS request.
set -uo pipefail
cli=$1
root=$(mktemp -d /tmp/madoguchi-oqs-cli-XXXXXX)
failures=0
fail() { echo "FAIL $*"; failures=$((failures+1)); }
cat >"$root/dataset.json" <<'JSON'
{"medical_institution_code": "1312345678", "people": [
 {"id": "A", "validity": "1", "insurer_number": "01130012", "number": "34", "name": "窓口　花子", "birth_date": "1980-06-15"},
 {"id": "B", "validity": "1", "insurer_number": "06130025", "number": "88", "name": "並行　照会", "birth_date": "1995-05-25",
  "fault": {"latency_ms": 300}},
 {"id": "R", "validity": "1", "insurer_number": "01130012", "number": "55", "name": "拒否　要求", "birth_date": "1970-03-03",
  "fault": {"reject": "要求ファイルの形式に誤りがあります"}}]}
JSON
"$cli" sim oqs --root "$root/oqs" --dataset "$root/dataset.json" 2>/dev/null &
sim=$!
trap 'kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null; rm -rf "$root"' EXIT
for _ in $(seq 50); do [ -d "$root/oqs/req" ] && break; sleep 0.1; done

"$cli" oqs query --root "$root/oqs" --insurer 01130012 --number 34 --birth 1980-06-15 --timeout-ms 20000 >"$root/a.json" 2>"$root/a.err" &
first=$!
"$cli" oqs query --root "$root/oqs" --insurer 06130025 --number 88 --birth 1995-05-25 --timeout-ms 20000 >"$root/b.json" 2>"$root/b.err" &
second=$!
wait "$first" || fail "first concurrent query: $(cat "$root/a.err")"
wait "$second" || fail "second concurrent query: $(cat "$root/b.err")"
grep -q '01130012' "$root/a.json" || fail "first answer: $(cat "$root/a.json")"
grep -q '06130025' "$root/b.json" || fail "second answer: $(cat "$root/b.json")"
requests=$(ls "$root/oqs/req" | sort -u | wc -l)
[ "$requests" = 2 ] || fail "two distinct request files expected, found: $(ls "$root/oqs/req")"

"$cli" oqs query --root "$root/oqs" --insurer 01130012 --number 55 --birth 1970-03-03 --timeout-ms 20000 >/dev/null 2>"$root/r.err"
rc=$?
[ "$rc" != 0 ] || fail "a rejected request exited 0"
grep -q '要求ファイルの形式に誤りがあります' "$root/r.err" || fail "the terminal's text on stderr: $(cat "$root/r.err")"

"$cli" oqs query --root "$root/oqs" --insurer 01130012 --number 34 --birth 1980-06-15 --encoding shift_jis \
  --timeout-ms 20000 >"$root/s.json" 2>"$root/s.err" || fail "Shift_JIS query: $(cat "$root/s.err")"
newest=$(ls -t "$root/oqs/req" | head -1)
head -c 60 "$root/oqs/req/$newest" | grep -q 'encoding="Shift_JIS" standalone="no"' || fail "Shift_JIS prolog in $newest"

"$cli" oqs query --root "$root/oqs" --insurer 01130012 --number 34 --birth 1980-06-15 --encoding latin1 \
  >/dev/null 2>&1 && fail "an unknown encoding was accepted"

[ "$failures" = 0 ] && echo "ok: concurrent queries, rejection, Shift_JIS"
exit "$failures"
