#!/usr/bin/env bash
# The NSIS installer under Wine, in the caller's private prefix (WINEPREFIX, scripts/build-windows.sh
# --test): a silent per-machine install (/S), the installed programs run from C:\Program Files
# (their data files and catalog found beside them), a silent uninstall (/S) that removes the
# programs, the Start-menu entries and the uninstall key but keeps the journal and the settings in
# %LOCALAPPDATA%\Madoguchi.
#   tests/windows/installer_wine.sh <madoguchi-x.y.z-setup.exe> <source dir>
set -uo pipefail
setup="$1" source_dir="$2"
: "${WINEPREFIX:?set WINEPREFIX to the private Wine prefix}"
failed=0 passed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
unix_path() { winepath -u "$(wine cmd /c echo "$1" 2>/dev/null | tr -d '\r')" 2>/dev/null; }

programs="$(unix_path '%ProgramW6432%')/Madoguchi"
menu="$(unix_path '%ProgramData%')/Microsoft/Windows/Start Menu/Programs/窓口 Madoguchi"
local_data="$(unix_path '%LOCALAPPDATA%')/Madoguchi"
uninstall_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Madoguchi'
# On C: (inside the prefix): no path of this machine's source tree resolves from there, so the
# installed programs find their data only in C:\Program Files\Madoguchi.
work="$(mktemp -d "$WINEPREFIX/drive_c/madoguchi-installer.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# --- install ------------------------------------------------------------------------------
check "silent install (/S) succeeds" wine "$setup" /S
wineserver -w
check "madoguchi.exe in Program Files" test -f "$programs/madoguchi.exe"
check "the data files beside it" test -f "$programs/share/madoguchi/codes/oqs_codes.tsv"
check "the Japanese catalog beside it" test -f "$programs/share/locale/ja/LC_MESSAGES/madoguchi.mo"
check "no demo CA private key installed" test -z "$(find "$programs" -name '*.key.pem')"
check "Start menu: 受付" test -f "$menu/受付.lnk"
check "Start menu: 管理" test -f "$menu/管理.lnk"
check "the uninstall key names the version" \
  bash -c "wine reg query '$uninstall_key' /v DisplayVersion 2>/dev/null | grep -q '[0-9]\.[0-9]'"

# --- run what was installed -----------------------------------------------------------------
cli="C:\\Program Files\\Madoguchi\\madoguchi-cli.exe"
cli_prints() {  # cli_prints PATTERN ARGS...: the installed CLI succeeds and prints PATTERN
  local pattern=$1; shift
  (cd "$work" && wine "$cli" "$@" </dev/null) >"$work/cli.out" 2>"$work/cli.err" && grep -q -- "$pattern" "$work/cli.out"
}
if [ -f "$programs/madoguchi-cli.exe" ]; then
  cp "$source_dir/tests/gateway/data/valid_kyokai.xml" "$work/"
  (umask 077; echo "installer-check-passphrase" >"$work/admin.password")
  check "installed CLI: copay" cli_prints '"amount' copay --birth 1955-04-01 --on 2025-05-10 --elderly-ratio 020 --points 1234
  # The default journal, %LOCALAPPDATA%\Madoguchi\facility.sqlite3: `journal generate` names it
  # (it never makes a journal where none was asked for); the commands after it find it by default.
  journal="$(wine cmd /c echo '%LOCALAPPDATA%' 2>/dev/null | tr -d '\r')\\Madoguchi\\facility.sqlite3"
  check "installed CLI: a journal in %LOCALAPPDATA%\\Madoguchi" cli_prints '"visits": 6' journal generate \
    --db "$journal" --start 2026-01-05 --days 2 --per-day 3 --user admin --password-file admin.password
  check "installed CLI: oqs parse (code tables found beside it; signed in to the default journal)" \
    cli_prints '"label": "有効"' oqs parse valid_kyokai.xml --user admin --password-file admin.password
else
  echo "installer_wine: no madoguchi-cli.exe in this build: the journal is made by hand for the uninstall check"
  mkdir -p "$local_data" && echo "journal stand-in" >"$local_data/facility.sqlite3"
fi
check "the journal is there before the uninstall" test -s "$local_data/facility.sqlite3"
cp "$local_data/facility.sqlite3" "$work/journal.before"

# --- uninstall --------------------------------------------------------------------------------
check "silent uninstall (/S) succeeds" wine "$programs/uninstall.exe" /S
wineserver -w  # the uninstaller copies itself to a temporary folder and runs from there
check "the programs are removed" test ! -e "$programs/madoguchi.exe" -a ! -e "$programs/share"
check "the install folder is removed" test ! -e "$programs"
check "the Start-menu entries are removed" test ! -e "$menu"
check "the uninstall key is removed" bash -c "! wine reg query '$uninstall_key' >/dev/null 2>&1"
check "the journal is kept, unchanged" cmp -s "$local_data/facility.sqlite3" "$work/journal.before"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
