#!/usr/bin/env bash
# Gives the Wine prefix $WINEPREFIX a Japanese font, as every Japanese Windows has one: Debian's
# Noto Sans CJK (fonts-noto-cjk) copied into the prefix's windows\Fonts, registered under
# "Fonts", and put in place of the faces a Windows program asks for (Wine's own Tahoma and
# "MS Shell Dlg", the UI font; Meiryo and MS UI Gothic, the Japanese ones) through FontSubstitutes.
# Without it Wine's fresh prefix draws Japanese text as boxes (docs/windows.md).
#   WINEPREFIX=<prefix> tests/windows/wine_cjk_font.sh
set -euo pipefail
: "${WINEPREFIX:?set WINEPREFIX to the private Wine prefix}"
regular=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
bold=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
[ -f "$regular" ] || { echo "wine_cjk_font: $regular missing (fonts-noto-cjk)" >&2; exit 1; }
fonts="$WINEPREFIX/drive_c/windows/Fonts"
mkdir -p "$fonts"
cp "$regular" "$fonts/"
[ -f "$bold" ] && cp "$bold" "$fonts/"
reg="$(mktemp --suffix=.reg)"
trap 'rm -f "$reg"' EXIT
{
  echo 'REGEDIT4'
  echo
  echo '[HKEY_LOCAL_MACHINE\Software\Microsoft\Windows NT\CurrentVersion\Fonts]'
  echo '"Noto Sans CJK JP Regular (TrueType)"="NotoSansCJK-Regular.ttc"'
  [ -f "$bold" ] && echo '"Noto Sans CJK JP Bold (TrueType)"="NotoSansCJK-Bold.ttc"'
  echo
  echo '[HKEY_LOCAL_MACHINE\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes]'
  for face in "Tahoma" "MS Shell Dlg" "MS Shell Dlg 2" "Segoe UI" "Meiryo" "Meiryo UI" "MS UI Gothic" "Yu Gothic UI"; do
    echo "\"$face\"=\"Noto Sans CJK JP\""
  done
} >"$reg"
wine regedit /S "$(winepath -w "$reg")"
# regedit returns before the registry is flushed; the next program reads it from wineserver anyway.
wine reg query 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes' /v Tahoma | grep -q 'Noto Sans CJK JP' \
  || { echo "wine_cjk_font: the font substitutes were not registered" >&2; exit 1; }
