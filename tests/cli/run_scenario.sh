#!/usr/bin/env bash
# Runs one scenario through madoguchi-cli and checks the fields of its "expect" block.
set -euo pipefail
cli=$1 scenario=$2
output=$("$cli" scenario "$scenario")
failures=0
while IFS=$'\t' read -r key expected; do
  case "$key" in
    final_state|tone) actual=$(jq -r ".$key" <<<"$output") ;;
    insurer_number) actual=$(jq -r '.visit.insurance.insurer_number' <<<"$output") ;;
    *) actual=$(jq -r ".visit.$key" <<<"$output") ;;
  esac
  if [ "$actual" != "$expected" ]; then
    echo "FAIL $(basename "$scenario"): $key is '$actual', expected '$expected'"
    failures=$((failures + 1))
  fi
done < <(jq -r '.expect | to_entries[] | "\(.key)\t\(.value)"' "$scenario")
[ "$failures" -eq 0 ] && echo "ok $(basename "$scenario")"
exit "$failures"
