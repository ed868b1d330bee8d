#!/usr/bin/env bash
# Installs every Debian 12 package Madoguchi needs to build, run and test.
# Idempotent: packages already present are skipped by apt-get.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev git
  # the test command's compiler cache (scripts/run-tests.sh)
  ccache
  # libraries
  libwxgtk3.2-dev libsqlite3-dev sqlite3 libpcsclite-dev libopencv-dev
  libopencv-contrib-dev opencv-data libopenjp2-7-dev
  libpoco-dev libexpat1-dev libssl-dev nettle-dev libboost-test-dev
  # the site server's client library, and the server itself for the tests' private clusters
  libpq-dev postgresql-15
  # card reader stack and the virtual card
  pcscd vsmartcard-vpcd opensc pcsc-tools
  # GUI tests, screenshots, fonts, printing checks
  xvfb xauth xdotool imagemagick fonts-noto-cjk poppler-utils libcairo2-dev
  # the suite at other dates (tests/clock, docs/testing.md)
  faketime
  # i18n, tooling
  gettext wx3.2-i18n jq dpkg-dev file python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
