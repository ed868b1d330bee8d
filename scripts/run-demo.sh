#!/usr/bin/env bash
# Builds Madoguchi and starts the reception window with simulated devices and a throw-away
# database (madoguchi --demo).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-debian.sh
cmake --preset default >/dev/null
cmake --build --preset default

if [ -x build/default/gui/madoguchi ]; then
  exec build/default/gui/madoguchi --demo "$@"
fi
echo "The reception window is not built yet: running the demo reception scenario in madoguchi-cli." >&2
exec build/default/cli/madoguchi-cli scenario tests/scenarios/confirmed_by_pin.json
