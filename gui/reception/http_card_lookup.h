#pragma once
// The direct card check (ARCHITECTURE.md, "Direct reader") behind the window's card lookup: the
// card signs the gateway's challenge with its JPKI auth key and the gateway answers with the
// result XML. Used when the facility's identity source is the direct reader.
#include <mutex>

#include "devices/gateway/card_check_module.h"
#include "gui/reception/card_eligibility_lookup.h"

namespace madoguchi::gui {

class HttpCardLookup : public CardEligibilityLookup {
public:
    HttpCardLookup(std::string url, CodeTables codes, gateway::CardCheckTrust trust,
                   std::chrono::milliseconds deadline = std::chrono::seconds(10))
        : url_(std::move(url)), codes_(std::move(codes)), trust_(std::move(trust)), deadline_(deadline) {}
    // One HTTP exchange bounded as a whole by the client's deadline and ended at once by a stop
    // request; there is no request to leave pending, so a failure or a stop sends the session
    // down the fallback path. The client (and its module, card_check_module.h) is made on the
    // first lookup, not at the window's start.
    GatewayAnswer lookup(CardReader& card, const AuthCertificateInfo& certificate, std::stop_token stop) override;

private:
    Outcome<gateway::CardCheckClient*> client();

    std::string url_;
    CodeTables codes_;
    gateway::CardCheckTrust trust_;
    std::chrono::milliseconds deadline_;
    std::mutex clientMutex_;
    std::unique_ptr<gateway::CardCheckClient> client_;
};

}  // namespace madoguchi::gui
