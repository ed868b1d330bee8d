#!/usr/bin/env bash
# Lean processes: madoguchi-cli and the window link no OpenCV; the CLI opens the face module
# (libmadoguchi-face.so) only for card face-check, and says clearly when it is missing.
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

[ "$failures" -eq 0 ] && echo "all lean-process checks passed"
[ "$failures" -eq 0 ]
