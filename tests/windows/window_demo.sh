#!/usr/bin/env bash
# The reception window under Wine: `madoguchi.exe --demo` in a private X server (Xvfb, a display
# number of its own through -displayfd) and the caller's private Wine prefix (WINEPREFIX, made by
# scripts/build-windows.sh --test, with tests/windows/wine_cjk_font.sh run on it). Passes when a
# visible top-level window named "まどぐち（デモ）" appears: the program started, found its data
# files and its Japanese catalog (the title is translated) and opened the demo. Keeps a
# screenshot of the whole screen.
#   tests/windows/window_demo.sh <madoguchi.exe> <screenshot.png>
set -uo pipefail
exe="$1" screenshot="$2"
: "${WINEPREFIX:?set WINEPREFIX to the private Wine prefix}"
for tool in Xvfb xdotool import wine; do
  command -v "$tool" >/dev/null || { echo "window_demo: $tool missing (scripts/setup-windows-build.sh)" >&2; exit 1; }
done
scratch="$(mktemp -d -t madoguchi-window.XXXXXX)"
xvfb_pid="" app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

# A wineserver still running in the prefix (wineboot, the test programs) holds a desktop made
# without a display: the window's CreateWindow would fail there ("no driver could be loaded") and
# wx's html view crash on the page it never got. The window starts a session of its own.
wineserver -k 2>/dev/null; wineserver -w 2>/dev/null

exec {displayfd}<> <(:)
Xvfb -displayfd "$displayfd" -screen 0 1366x768x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r -t 30 number <&"$displayfd" || { echo "window_demo: Xvfb did not start" >&2; cat "$scratch/xvfb.log" >&2; exit 1; }
export DISPLAY=":$number"

# A Japanese front-desk PC: Wine takes the Windows user locale (ja-JP, and code page 932 for a
# program without Madoguchi's UTF-8 manifest) from LANG, so the window must speak Japanese with
# its msgids (UTF-8, some with — and …) found in the catalog. It starts in C:\ (the prefix's
# drive_c), where no path of this machine's source tree resolves: the data files and the catalog
# must come from beside the .exe, as on a clinic's PC.
(cd "$WINEPREFIX/drive_c" && exec env -u LANGUAGE -u LC_MESSAGES LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 wine "$exe" --demo >"$scratch/window.log" 2>&1) &
app_pid=$!
title="まどぐち（デモ）"
# The visible window whose whole name is $1, compared as text: xdotool's --name regex does not
# match Wine's Japanese titles (it read them as other bytes), getwindowname prints them right.
window_named() {
  local w
  for w in $(xdotool search --onlyvisible --name '.' 2>/dev/null); do
    [ "$(xdotool getwindowname "$w" 2>/dev/null)" = "$1" ] && { echo "$w"; return 0; }
  done
  return 1
}
for _ in $(seq 1 240); do
  if window="$(window_named "$title")" && [ -n "$window" ]; then
    sleep 3  # let the first paint finish
    import -window root "$screenshot"
    echo "window_demo: window $window \"$(xdotool getwindowname "$window")\" ($(xwininfo -id "$window" | awk '/Width|Height/ { printf "%s%s", sep, $2; sep="x" }')), screenshot $screenshot"
    exit 0
  fi
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "window_demo: madoguchi.exe ended before its window appeared:" >&2; cat "$scratch/window.log" >&2; exit 1
  fi
  sleep 0.5
done
echo "window_demo: no window named $title within 120 s; the windows there:" >&2
xdotool search --onlyvisible --name '.' 2>/dev/null | while read -r w; do xdotool getwindowname "$w"; done >&2
import -window root "$screenshot" 2>/dev/null
cat "$scratch/window.log" >&2
exit 1
