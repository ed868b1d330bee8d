#!/bin/sh
# The reception window's footprint at rest: starts `madoguchi --demo` under a private Xvfb, waits
# until it is idle (default 8 s), then prints its resident memory (VmRSS, VmHWM) and how many
# shared libraries it maps, OpenCV's among them (/proc/PID/maps). Usage:
#   bench/gui/window_footprint.sh [build-dir] [seconds]
set -eu
build="${1:-build/default}"
settle="${2:-8}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/measure.sh" <<'INNER'
#!/bin/sh
set -eu
HOME="$2" XDG_CONFIG_HOME="$2/config" XDG_DATA_HOME="$2/data" "$1" --demo >"$2/window.log" 2>&1 &
pid=$!
sleep "$3"
if ! kill -0 "$pid" 2>/dev/null; then cat "$2/window.log"; exit 1; fi
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
libraries=$(awk '$6 ~ /\.so/ {print $6}' "/proc/$pid/maps" | sort -u)
echo "idle RSS $((rss / 1024)) MiB (peak $((hwm / 1024)) MiB) after $3 s; shared libraries mapped: $(echo "$libraries" | wc -l)" \
     "(OpenCV: $(echo "$libraries" | grep -c opencv || true), GDAL: $(echo "$libraries" | grep -c gdal || true))"
kill "$pid"
wait "$pid" 2>/dev/null || true
INNER
chmod +x "$work/measure.sh"
xvfb-run -a -s "-screen 0 1366x900x24" "$work/measure.sh" "$(realpath "$build/gui/madoguchi")" "$work" "$settle"
