#!/usr/bin/env bash
# Runs one scenario through madoguchi-cli and checks the fields of its "expect" block. A scenario
# without a readable, non-empty "expect" object fails: a check with nothing to compare proves nothing.
set -euo pipefail
cli=$1 scenario=$2
name=$(basename "$scenario")
if ! expectations=$(jq -er '.expect | objects | select(length > 0) | to_entries[] | "\(.key)\t\(.value)"' "$scenario"); then
  echo "FAIL $name: no readable, non-empty \"expect\" object"
  exit 1
fi
output=$("$cli" scenario "$scenario")
failures=0 checked=0
while IFS=$'\t' read -r key expected; do
  case "$key" in
    final_state|tone) actual=$(jq -r ".$key" <<<"$output") ;;
    insurer_number) actual=$(jq -r '.visit.insurance.insurer_number' <<<"$output") ;;
    *) actual=$(jq -r ".visit.$key" <<<"$output") ;;
  esac
  checked=$((checked + 1))
  if [ "$actual" != "$expected" ]; then
    echo "FAIL $name: $key is '$actual', expected '$expected'"
    failures=$((failures + 1))
  fi
done <<<"$expectations"
if [ "$checked" -eq 0 ]; then echo "FAIL $name: no field was checked"; exit 1; fi
[ "$failures" -eq 0 ] && echo "ok $name ($checked fields)"
exit "$failures"
