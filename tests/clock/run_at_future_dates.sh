#!/usr/bin/env bash
# A handful of representative checks (domain, gateway, storage, CLI with the demo dataset) run
# with the system clock moved by libfaketime to dates from 2027 to 2035: nothing in Madoguchi may
# read the machine's date except through the Clock port, so every answer must stay the same.
#   run_at_future_dates.sh QA_DOMAIN QA_GATEWAY QA_STORAGE MADOGUCHI_CLI SOURCE_DIR [DATE...]
# Only the wall clock is moved: FAKETIME_DONT_FAKE_MONOTONIC=1 keeps steady_clock (timeouts,
# waits) real, so nothing hangs or times out at once. See docs/testing.md, "The clock".
set -uo pipefail
qa_domain=$1 qa_gateway=$2 qa_storage=$3 cli=$4 source=$5
shift 5
dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=(2027-01-12 2027-02-01 2029-05-05 2029-07-02 2030-05-01 2031-07-02 2035-12-31)
# libfaketime is preloaded directly rather than through the faketime wrapper: the wrapper keeps a
# named semaphore per pid in /dev/shm and fails with "sem_open: File exists" when a killed run left
# one behind for a reused pid. Preloaded alone, every process starts at the faked time by itself.
libfaketime=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)
[ -n "$libfaketime" ] || { echo "FAIL libfaketime is not installed (scripts/setup-debian.sh installs faketime)"; exit 1; }
export FAKETIME_DONT_FAKE_MONOTONIC=1
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

at() {  # date, command...: the command with the wall clock at 10:30 on that date
  local date=$1; shift
  LD_PRELOAD=$libfaketime FAKETIME="@$date 10:30:00" "$@"
}

run() {  # date, description, command...
  local date=$1 what=$2; shift 2
  if at "$date" "$@" >"$work/out" 2>&1; then
    echo "ok $date $what"
  else
    echo "FAIL $date $what"; tail -n 30 "$work/out"; failures=$((failures + 1))
  fi
}

for date in "${dates[@]}"; do
  # libfaketime really moves the clock: the C library's date is the faked one.
  seen=$(at "$date" date +%F)
  if [ "$seen" != "$date" ]; then echo "FAIL faketime shows $seen, not $date"; failures=$((failures + 1)); continue; fi
  run "$date" "domain: the reception session, certificates and copay" "$qa_domain" --log_level=error \
    --run_test=ReceptionConfirmedPath,ReceptionCertificate,CertificateRules,Dates
  run "$date" "gateway: folder exchange and the direct card check" "$qa_gateway" --log_level=error \
    --run_test=FolderExchange,DirectCardCheck
  run "$date" "storage: the journal" "$qa_storage" --log_level=error --run_test=Journal
  run "$date" "cli: a scenario through the state machine" "$source/tests/cli/run_scenario.sh" "$cli" \
    "$source/tests/scenarios/pin_lock_then_visual.json"
  run "$date" "cli: sim oqs answers the demo dataset on its demo day" "$source/tests/clock/check_sim_oqs_today.sh" "$cli" \
    "$source/resources/demo/oqs_dataset.json"
done
exit $((failures > 0))
