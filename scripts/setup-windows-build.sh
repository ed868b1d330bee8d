#!/usr/bin/env bash
# Installs what the Windows cross-build (scripts/build-windows.sh) and its Wine tests need,
# and enables Debian's source packages (deb-src) for the pinned dependencies
# (scripts/windows/recipe.tsv). Not part of scripts/setup-debian.sh: the Linux build needs none
# of it. Idempotent.
set -euo pipefail

packages=(
  # the cross compilers (-posix: std::thread and std::mutex need the posix thread model)
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 mingw-w64-tools
  # zlib for Windows, prebuilt by Debian
  libz-mingw-w64-dev
  # running the tests and the window
  wine wine64 xvfb xauth imagemagick fonts-noto-cjk
  # the window test finds the Wine window by its title (xdotool) and measures it (xwininfo)
  xdotool x11-utils
  # the installer
  nsis
  # apt-get source, building the dependencies
  dpkg-dev make perl gettext ninja-build cmake
  # the SQLite amalgamation is generated with tclsh
  tcl
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

src_list=/etc/apt/sources.list.d/madoguchi-deb-src.sources
need_update=0
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  echo "setup-windows: enabling Debian source packages in $src_list"
  $SUDO tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ] || [ "$need_update" -eq 1 ]; then
  $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-windows: installing ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup-windows: all ${#packages[@]} packages already installed"
fi
