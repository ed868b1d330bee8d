#!/usr/bin/env bash
# `oqs query` and `sim oqs --once` with --today on the demo dataset's day: the answer is dated that
# day and names the person, whatever the machine's date.
set -uo pipefail
cli=$1 dataset=$2
today=$(jq -er .demo_today "$dataset") || { echo "FAIL the dataset has no demo_today"; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/req" "$root/res" "$root/face"
"$cli" oqs query --root "$root" --insurer 39131008 --number 10035 --birth 1940-02-11 --timeout-ms 60000 \
  --today "$today" >"$root/answer.json" 2>"$root/query.err" &
query=$!
answered=no
for _ in $(seq 1 600); do  # up to about a minute on a busy machine, while the query waits
  kill -0 "$query" 2>/dev/null || break
  if "$cli" sim oqs --root "$root" --dataset "$dataset" --today "$today" --once | grep -q '"answered": 1'; then
    answered=yes; break
  fi
  sleep 0.1
done
wait "$query"; rc=$?
[ "$answered" = yes ] || { echo "FAIL sim oqs answered no request within a minute"; exit 1; }
[ "$rc" = 0 ] || { echo "FAIL oqs query exit $rc: $(cat "$root/query.err")"; exit 1; }
grep -q "\"ProcessExecutionTime\": \"${today}T" "$root/answer.json" || { echo "FAIL the answer is not dated $today: $(cat "$root/answer.json")"; exit 1; }
grep -q '後期　トメ' "$root/answer.json" || { echo "FAIL the answer does not name P003: $(cat "$root/answer.json")"; exit 1; }
echo "ok sim oqs and oqs query on $today"
