#!/usr/bin/env bash
# The .deb as a clinic gets it: its metadata and contents, then the installed programs run with
# no source or build tree in reach — unpacked into a scratch root (any user), and installed for
# real with dpkg and removed again when run as root. Usage: check_deb.sh PACKAGE.deb SOURCE_DIR
set -euo pipefail
deb=$(realpath "$1")
source_dir=$(realpath "$2")
scratch=$(mktemp -d /tmp/madoguchi-deb-XXXXXX)
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
passed=0
failed=0
check() {  # check "what" command...
  local what=$1; shift
  if "$@" >"$scratch/last.out" 2>&1; then
    passed=$((passed + 1)); echo "ok   $what"
  else
    failed=$((failed + 1)); echo "FAIL $what"; sed 's/^/     /' "$scratch/last.out" | head -20
  fi
}

# --- metadata and contents -------------------------------------------------------------
field_names() { dpkg-deb -f "$deb" "$1" | grep -q -- "$2"; }
check "Depends names fonts-noto-cjk" field_names Depends fonts-noto-cjk
check "Depends names wx3.2-i18n" field_names Depends wx3.2-i18n
check "Depends has the shared libraries (shlibdeps)" field_names Depends libwx
check "Recommends pcscd" field_names Recommends pcscd
dpkg-deb -c "$deb" | awk '{print $6}' >"$scratch/contents"
ships() { grep -qx -- "$1" "$scratch/contents"; }
for path in ./usr/bin/madoguchi ./usr/bin/madoguchi-cli ./usr/libexec/madoguchi-cli-devices \
            ./usr/share/applications/madoguchi.desktop ./usr/share/applications/madoguchi-manager.desktop \
            ./usr/share/icons/hicolor/scalable/apps/madoguchi.svg \
            ./usr/share/locale/ja/LC_MESSAGES/madoguchi.mo \
            ./usr/share/madoguchi/codes/oqs_codes.tsv ./usr/share/madoguchi/rules/dated_settings.tsv \
            ./usr/share/madoguchi/demo/oqs_dataset.json \
            "./usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/madoguchi/libmadoguchi-face.so" \
            "./usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/madoguchi/libmadoguchi-postgres.so" \
            "./usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/madoguchi/libmadoguchi-card-check.so"; do
  check "ships $path" ships "$path"
done
ships_no_key() { ! grep -E '\.key(\.pem)?$' "$scratch/contents"; }
check "ships no private key" ships_no_key
ships_no_test_tool() { ! grep -q 'testcard' "$scratch/contents"; }
check "ships no test-only card tool (portrait to disk, raw signing)" ships_no_test_tool

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
stripped() { file "$1" | grep -q ', stripped'; }
holds_no_source_path() { ! grep -q -a -F "$source_dir" "$1"; }
check "the symbols are in madoguchi-dbgsym" test -s "${deb%/*}/madoguchi-dbgsym_$(dpkg-deb -f "$deb" Version)_amd64.ddeb"
needs_no_opencv() { ! readelf -d "$1" | grep NEEDED | grep -qi opencv; }
needs_no_libpq() { ! readelf -d "$1" | grep NEEDED | grep -qi libpq; }
for program in madoguchi madoguchi-cli; do
  check "$program is stripped" stripped "$root/usr/bin/$program"
  check "$program holds no path of the source tree" holds_no_source_path "$root/usr/bin/$program"
  check "$program links no OpenCV (the face module does)" needs_no_opencv "$root/usr/bin/$program"
  check "$program links no libpq (the site server's engine does)" needs_no_libpq "$root/usr/bin/$program"
done
helper="$root/usr/libexec/madoguchi-cli-devices"  # madoguchi-cli's gateway and card commands
check "madoguchi-cli-devices is stripped" stripped "$helper"
check "madoguchi-cli-devices holds no path of the source tree" holds_no_source_path "$helper"
check "madoguchi-cli-devices links no OpenCV (the face module does)" needs_no_opencv "$helper"
needs_no_network_library() { ! readelf -d "$1" | grep NEEDED | grep -qi 'PocoNet\|PocoXML\|PocoZip\|expat\|pcsclite'; }
check "madoguchi-cli links none of the gateway's and card's libraries (its helper does)" needs_no_network_library \
  "$root/usr/bin/madoguchi-cli"
needs_no_tls_library() { ! readelf -d "$1" | grep NEEDED | grep -qi 'PocoNet\|libssl'; }
check "madoguchi links no HTTPS library (the card-check module does)" needs_no_tls_library "$root/usr/bin/madoguchi"

# --- the installed command-line tool, from a folder outside both trees ----------------
work="$scratch/work"
mkdir -p "$work"
cp "$source_dir/tests/gateway/data/valid_kyokai.xml" "$source_dir/tests/scenarios/confirmed_by_pin.json" "$work/"
(umask 077; echo "package-check-passphrase" >"$work/admin.password")
as_admin=(--user admin --password-file "$work/admin.password")
cli_prints() {  # cli_prints PATTERN ARGS...: the CLI, with a bare environment, succeeds and prints PATTERN
  local pattern=$1; shift
  (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 "$cli" "$@") >"$scratch/cli.out" &&
    grep -q -- "$pattern" "$scratch/cli.out"
}
cli_refuses() {  # cli_refuses ARGS...: the CLI refuses the command as unknown (not for want of a card) and writes no file
  ! (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 "$cli" "$@" </dev/null) >/dev/null 2>"$scratch/refused.err" &&
    grep -q 'unknown' "$scratch/refused.err" && [ ! -e "$work/portrait.jp2" ]
}
face_module_found() {
  (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 PCSCLITE_CSOCK_NAME="$work/no-pcscd.comm" \
     "$cli" card face-check --wait-ms 0 </dev/null) >"$scratch/face.out" 2>&1
  grep -q '"error"' "$scratch/face.out" && ! grep -q 'face.module_missing' "$scratch/face.out"
}
postgres_module_found() {  # exit 4: the engine was opened and asked a server that is not there
  (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 \
     "$cli" report daily --db "postgresql:///journal?host=$work" --date 2026-01-06 "${as_admin[@]}" </dev/null) \
     >"$scratch/postgres.out" 2>&1
  [ $? -eq 4 ] && ! grep -q 'not installed' "$scratch/postgres.out"
}
check_cli_suite() {
  check "$1: no command writes the portrait" cli_refuses card portrait --out "$work/portrait.jp2" --wait-ms 0
  check "$1: no command signs arbitrary data" cli_refuses card sign --challenge-hex 00112233 --wait-ms 0
  check "$1: copay" cli_prints '"amount' copay --birth 1955-04-01 --on 2025-05-10 --elderly-ratio 020 --points 1234
  check "$1: insurer-number check" cli_prints 'true' insurer-number check 01130012
  check "$1: scenario (rule tables found)" cli_prints '' scenario confirmed_by_pin.json
  check "$1: journal generate (first administrator)" cli_prints '' journal generate --db "$work/j.db" \
    --start 2026-01-05 --days 3 --per-day 5 "${as_admin[@]}"
  check "$1: oqs parse (code tables found)" cli_prints '"label": "有効"' oqs parse valid_kyokai.xml --db "$work/j.db" \
    "${as_admin[@]}"
  check "$1: report daily" cli_prints '2026-01-06' report daily --db "$work/j.db" --date 2026-01-06 "${as_admin[@]}"
  check "$1: audit verify" cli_prints '' audit verify --db "$work/j.db" "${as_admin[@]}"
  # card face-check opens the face module before it asks for a card: an error other than
  # face.module_missing (no reader here) shows the module was found beside the program.
  check "$1: the face module is found" face_module_found
  check "$1: the site server's engine is found" postgres_module_found
  rm -rf "$work"/j.db* "$work/.config"
}
cli="$root/usr/bin/madoguchi-cli"
check_cli_suite "scratch root"

# --- the installed window in demo mode, under a private X server ----------------------
display=":$((RANDOM % 400 + 300))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
window_opens() {
  (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 DISPLAY="$display" "$root/usr/bin/madoguchi" --demo \
     >"$scratch/window.log" 2>&1 &
   echo $! >"$scratch/window.pid")
  for _ in $(seq 1 120); do
    if DISPLAY="$display" xdotool search --onlyvisible --name 'まどぐち|Madoguchi' >/dev/null 2>&1; then
      sleep 1
      DISPLAY="$display" import -window root "${MADOGUCHI_PACKAGE_SCREENSHOT:-$scratch/demo.png}"
      kill "$(cat "$scratch/window.pid")"
      return 0
    fi
    sleep 0.5
  done
  cat "$scratch/window.log"
  kill "$(cat "$scratch/window.pid")" 2>/dev/null
  return 1
}
check "installed madoguchi --demo opens its window (screenshot)" window_opens

# --- a real install and removal (root only) ------------------------------------------
if [ "$(id -u)" -eq 0 ] && ! dpkg-query -W madoguchi >/dev/null 2>&1; then
  check "dpkg -i installs the package" dpkg -i "$deb"
  cli=/usr/bin/madoguchi-cli
  check_cli_suite "installed in /usr"
  check "dpkg --purge removes it" dpkg --purge madoguchi
  check "nothing left in /usr/share/madoguchi" test ! -e /usr/share/madoguchi
else
  echo "skip real install (not root, or a madoguchi package is already installed)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
