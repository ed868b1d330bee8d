#pragma once
// Puts a VirtualMyNumberCard into pcscd's vpcd reader (vsmartcard): the card connects to vpcd
// over TCP (default 127.0.0.1:35963). Wire format: every message is a 2-byte big-endian length
// and a payload; a 1-byte payload is a control (00 power off, 01 power on, 02 reset, 04 ATR
// request, answered with the ATR); anything else is a C-APDU, answered with the R-APDU.
// A connected card is "inserted"; closing the connection is "removal".
#include <atomic>
#include <cstddef>
#include <string>

#include "devices/card/sim/virtual_card.h"

namespace madoguchi::card::sim {

struct VpcdOptions {
    std::string host = "127.0.0.1";
    int port = 35963;
    long pullAfterApdus = -1;  // > 0: the card is pulled after answering that many APDUs (tests)
};

// Flags the caller flips from a signal handler or another thread.
struct VpcdControl {
    std::atomic<bool> stop{false};
    std::atomic<bool> toggleInsertion{false};
};

// Runs until control.stop; returns 0, or 1 when vpcd cannot be reached at all.
int runVpcdCard(VirtualMyNumberCard& card, const VpcdOptions& options, VpcdControl& control, std::ostream& log);

}  // namespace madoguchi::card::sim
