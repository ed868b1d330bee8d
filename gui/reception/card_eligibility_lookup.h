#pragma once
// How the window asks for the eligibility of the person whose card is on the reader after the
// identity check. The demo asks the folder gateway with the person's numbers; the direct card
// check (HTTP, signed challenge) implements the same interface.
#include <atomic>
#include <functional>
#include <string>

#include "domain/ports/card_reader.h"
#include "domain/ports/eligibility_gateway.h"

namespace madoguchi::gui {

class CardEligibilityLookup {
public:
    virtual ~CardEligibilityLookup() = default;
    // Blocks (call it off the GUI thread) until the answer, a failure, the timeout, or `cancel`;
    // the last two give a Pending answer that carries the request id when one was sent.
    virtual GatewayAnswer lookup(CardReader& card, const AuthCertificateInfo& certificate,
                                 const std::atomic<bool>& cancel) = 0;
};

}  // namespace madoguchi::gui
