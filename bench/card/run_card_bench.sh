#!/usr/bin/env bash
# Card benchmark through the real stack: pcscd (foreground, private reader config: vpcd on a free
# port) + `madoguchi-cli sim card` with a profile generated from the gateway simulator's dataset.
# Also starts the gateway simulator (`madoguchi-cli sim oqs --http-port 0`, trusting the same demo
# CA) for the card-tap-to-eligibility-result figures.
# Prints: bench_card's tap figures (sign only, then tap to eligibility result over HTTP), then our
# CLI and OpenSC's pkcs15-tool reading the same certificate (one process per read), with APDUs.
# Usage: bench/card/run_card_bench.sh BUILD_DIR [TAPS]   (needs no pcscd already running)
set -euo pipefail
build=${1:?usage: run_card_bench.sh BUILD_DIR [TAPS]}
taps=${2:-100}
root=$(cd "$(dirname "$0")/../.." && pwd)
cli=$build/cli/madoguchi-cli
bench=$build/bench/card/bench_card
if pgrep -x pcscd >/dev/null; then echo "a pcscd is already running; stop it first" >&2; exit 2; fi
work=$(mktemp -d /tmp/madoguchi-card-bench-XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/conf"
printf 'FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:0x%x\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID    0x%x\n' "$port" "$port" > "$work/conf/vpcd"
ca=$root/resources/demo/ca   # the demo CA: issues the virtual cards, trusted by the simulator
cp "$ca/demo_ca.key.pem" "$work/ca.key"; cp "$ca/demo_ca.cert.pem" "$work/ca.pem"
"$cli" sim card --make-profiles --dataset "$root/resources/demo/oqs_dataset.json" --ca-key "$work/ca.key" --ca-cert "$work/ca.pem" --out "$work/cards" >/dev/null
/usr/sbin/pcscd --foreground -c "$work/conf" > "$work/pcscd.log" 2>&1 & pids+=($!)
sleep 1
"$cli" sim card --profile "$work/cards/P001.json" --port "$port" 2> "$work/sim.log" & pids+=($!)
"$cli" sim oqs --root "$work/oqs" --ca-cert "$work/ca.pem" --http-port 0 > "$work/oqs.out" 2> "$work/oqs.log" & pids+=($!)
sleep 1
url=$(sed -n 's/.*"url": "\([^"]*\)".*/\1/p' "$work/oqs.out")
[[ -n $url ]] || { echo "sim oqs printed no URL" >&2; cat "$work/oqs.log" >&2; exit 1; }

echo "== bench_card: $taps taps, sign only =="
echo 1234 | "$bench" --taps "$taps"
echo "== bench_card: $taps taps, card tap to eligibility result via $url =="
echo 1234 | "$bench" --taps "$taps" --url "$url"
echo -n "madoguchi-cli card check (one process, whole path): "
echo 1234 | "$cli" card check --url "$url" --gateway-ca "$ca/demo_ca.cert.pem" | grep -E '"apdus"' | tr -dc '0-9'; echo " APDUs"

percentiles() {  # reads ms values, prints p50 p95
    sort -n | awk '{v[NR]=$1} END {i50=int(0.5*(NR-1)+0.5)+1; i95=int(0.95*(NR-1)+0.5)+1; printf "p50 %.1f ms  p95 %.1f ms\n", v[i50], v[i95]}'
}
timed_reads() {  # command... : ms per run, $taps runs
    for _ in $(seq "$taps"); do
        start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
        echo $(( (end - start) / 1000 )) | awk '{printf "%.3f\n", $1/1000}'
    done
}
echo "== certificate read, one process per read, $taps reads =="
echo -n "madoguchi-cli card read:          "; timed_reads "$cli" card read | percentiles
echo -n "pkcs15-tool --read-certificate 01: "; timed_reads pkcs15-tool --read-certificate 01 | percentiles
echo -n "APDUs per read: madoguchi-cli "; "$cli" card read | grep '"apdus"' | tr -dc '0-9'
echo -n ", OpenSC pkcs15-tool "; pkcs15-tool --read-certificate 01 -vvvv 2>&1 | grep -c "Outgoing APDU"
