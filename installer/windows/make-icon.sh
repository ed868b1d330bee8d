#!/usr/bin/env bash
# Regenerates installer/windows/madoguchi.ico (committed) from installer/linux/madoguchi.svg: the
# SVG drawn at each size by GdkPixbuf's SVG loader (librsvg), the PNGs packed into one .ico (PNG
# entries, as Windows reads since Vista). Run by hand after changing the SVG.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sizes=(16 24 32 48 64 256)
for size in "${sizes[@]}"; do
  gdk-pixbuf-thumbnailer -s "$size" "$here/../linux/madoguchi.svg" "$work/$size.png"
done
python3 - "$here/madoguchi.ico" "${sizes[@]/#/$work/}" <<'PY'
import struct, sys
out, pngs = sys.argv[1], [p + ".png" for p in sys.argv[2:]]
images = [open(p, "rb").read() for p in pngs]
offset = 6 + 16 * len(images)
header = struct.pack("<HHH", 0, 1, len(images))
entries = b""
for data in images:
    width, height = struct.unpack(">II", data[16:24])  # the PNG's IHDR
    entries += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open(out, "wb").write(header + entries + b"".join(images))
PY
