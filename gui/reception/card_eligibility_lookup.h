#pragma once
// How the window asks for the eligibility of the person whose card is on the reader after the
// identity check. The demo asks the folder gateway with the person's numbers; the direct card
// check (HTTP, signed challenge) implements the same interface.
#include <functional>
#include <stop_token>
#include <string>

#include "domain/ports/card_reader.h"
#include "domain/ports/eligibility_gateway.h"

namespace madoguchi::gui {

class CardEligibilityLookup {
public:
    virtual ~CardEligibilityLookup() = default;
    // Blocks (call it off the GUI thread) until the answer, a failure, the timeout, or a stop
    // request on `stop`; an exchange that leaves a request queued answers those last two with
    // Pending and the request id, one that leaves nothing behind answers Failed.
    virtual GatewayAnswer lookup(CardReader& card, const AuthCertificateInfo& certificate, std::stop_token stop) = 0;
};

}  // namespace madoguchi::gui
