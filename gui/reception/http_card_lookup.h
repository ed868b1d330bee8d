#pragma once
// The direct card check (ARCHITECTURE.md, "Direct reader") behind the window's card lookup: the
// card signs the gateway's challenge with its JPKI auth key and the gateway answers with the
// result XML. Used when the facility's identity source is the direct reader.
#include "devices/gateway/http_card_check_client.h"
#include "gui/reception/card_eligibility_lookup.h"

namespace madoguchi::gui {

class HttpCardLookup : public CardEligibilityLookup {
public:
    HttpCardLookup(std::string url, CodeTables codes, gateway::CardCheckTrust trust,
                   std::chrono::milliseconds deadline = std::chrono::seconds(10))
        : client_(std::move(url), std::move(codes), std::move(trust), deadline) {}
    // One HTTP exchange bounded as a whole by the client's deadline and ended at once by a stop
    // request; there is no request to leave pending, so a failure or a stop sends the session
    // down the fallback path.
    GatewayAnswer lookup(CardReader& card, const AuthCertificateInfo& certificate, std::stop_token stop) override;

private:
    gateway::HttpCardCheckClient client_;
};

}  // namespace madoguchi::gui
