#!/usr/bin/env bash
# Lean processes: madoguchi-cli and the window link no OpenCV and no libpq; madoguchi-cli links
# nothing only the gateway and card commands use (it starts its helper for those); the CLI opens the
# face module (libmadoguchi-face.so) only for card face-check and the site server's engine
# (libmadoguchi-postgres.so) only for a postgresql:// journal, and says clearly when one is missing.
# Usage: check_lean.sh MADOGUCHI-CLI [MADOGUCHI]
set -uo pipefail
cli=$1
window=${2:-}
failures=0
ok() { echo "ok $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

links_no_opencv() {  # the program's whole dependency closure, as the dynamic loader resolves it
  local libraries
  libraries=$(ldd "$1") || { fail "ldd $1"; return; }
  if grep -qi 'opencv\|gdal\|vtk' <<<"$libraries"; then
    fail "$(basename "$1") maps no OpenCV: $(grep -ci 'opencv' <<<"$libraries") OpenCV libraries"
  else
    ok "$(basename "$1") maps no OpenCV, GDAL or VTK ($(wc -l <<<"$libraries") libraries)"
  fi
}
links_no_opencv "$cli"
[ -n "$window" ] && links_no_opencv "$window"
if ldd "$cli" | grep -qi 'libwx'; then fail "madoguchi-cli maps no wxWidgets"; else ok "madoguchi-cli maps no wxWidgets"; fi
for program in "$cli" $window; do
  if ldd "$program" | grep -qi 'libpq\|libkrb5\|libldap'; then fail "$(basename "$program") links no libpq";
  else ok "$(basename "$program") links no libpq, Kerberos or LDAP"; fi
done

# The journal, report and rules commands link none of what only the gateway and card commands use:
# those run in the helper madoguchi-cli starts in its place (libexec/madoguchi-cli-devices).
if ldd "$cli" | grep -qi 'libPocoNet\|libPocoXML\|libPocoZip\|libPocoUtil\|libexpat\|libpcsclite\|libssl'; then
  fail "madoguchi-cli links no Poco Net/NetSSL/XML/Zip/Util, expat, OpenSSL's TLS or PC/SC: $(ldd "$cli" | grep -i 'poco\|expat\|pcsc\|libssl' | awk '{print $1}' | tr '\n' ' ')"
else ok "madoguchi-cli links no Poco Net/NetSSL/XML/Zip/Util, expat, OpenSSL's TLS or PC/SC ($(ldd "$cli" | wc -l) libraries)"; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Without a module the face check is refused at once, with its own error (not a card error).
out=$(MADOGUCHI_FACE_MODULE="$work/libmadoguchi-face.so" "$cli" card face-check --wait-ms 0 </dev/null 2>&1)
if jq -e '.error == "face.module_missing"' <<<"$out" >/dev/null; then ok "a missing face module is said";
else fail "a missing face module is said: $out"; fi
# With the build tree's module the check gets past it, to the card reader (none here, or no card).
out=$(PCSCLITE_CSOCK_NAME="$work/no-pcscd.comm" "$cli" card face-check --wait-ms 0 </dev/null 2>&1)
if jq -e '.error and .error != "face.module_missing"' <<<"$out" >/dev/null; then ok "the face module is found and opened";
else fail "the face module is found and opened: $out"; fi

# A journal file never opens the engine: a copay answer maps no libpq (its memory map, not ldd).
maps=$(LD_DEBUG=files "$cli" copay --birth 1990-02-02 --on 2026-11-25 --points 1235 2>&1 >/dev/null)
if grep -q 'libpq' <<<"$maps"; then fail "copay loads no libpq"; else ok "copay loads no libpq"; fi
# A server journal without the engine: exit 2 and a message naming the missing module.
server="postgresql:///journal?host=$work"
out=$(MADOGUCHI_POSTGRES_MODULE="$work/libmadoguchi-postgres.so" "$cli" report daily --db "$server" \
      --date 2025-06-02 --user admin --password-file /dev/null </dev/null 2>&1)
code=$?
if [ "$code" -eq 2 ] && grep -q "engine of Madoguchi is not installed: $work/libmadoguchi-postgres.so" <<<"$out"; then
  ok "a missing server engine is said (exit 2)"; else fail "a missing server engine is said: exit $code: $out"; fi
# With the build tree's engine the command gets past it, to the server (none in that folder: exit 4).
out=$("$cli" report daily --db "$server" --date 2025-06-02 --user admin --password-file /dev/null </dev/null 2>&1)
code=$?
if [ "$code" -eq 4 ]; then ok "the server engine is found and opened (the server does not answer: exit 4)";
else fail "the server engine is found and opened: exit $code: $out"; fi

# A gateway command runs in the helper with the same words, standard streams and exit code.
out=$("$cli" sim oqs </dev/null 2>&1)
code=$?
if [ "$code" -eq 2 ] && grep -q "sim oqs: --root is required" <<<"$out"; then ok "a gateway command runs in the helper (its error, exit 2)";
else fail "a gateway command runs in the helper: exit $code: $out"; fi
# Without the helper a gateway command says so (exit 2); a journal command does not need it.
out=$(MADOGUCHI_CLI_DEVICES="$work/madoguchi-cli-devices" "$cli" sim oqs </dev/null 2>&1)
code=$?
if [ "$code" -eq 2 ] && grep -q "program for the gateway and card commands ($work/madoguchi-cli-devices) could not be started" <<<"$out"; then
  ok "a missing helper is said (exit 2)"; else fail "a missing helper is said: exit $code: $out"; fi
if MADOGUCHI_CLI_DEVICES="$work/madoguchi-cli-devices" "$cli" copay --birth 1990-02-02 --on 2026-11-25 --points 1235 >/dev/null; then
  ok "copay runs without the helper"; else fail "copay runs without the helper"; fi

[ "$failures" -eq 0 ] && echo "all lean-process checks passed"
[ "$failures" -eq 0 ]
