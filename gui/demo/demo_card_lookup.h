#pragma once
// The demo's eligibility lookup for a card: the certificate's serial names the demo person, and
// the folder gateway is asked with that person's numbers (a number-based 照会), so the answer
// comes through the real req/ → res/ exchange. Cancellable: the request stays pending.
#include <functional>
#include <mutex>

#include "devices/gateway/demo_dataset.h"
#include "devices/gateway/folder_gateway.h"
#include "gui/reception/card_eligibility_lookup.h"

namespace madoguchi::gui {

// Answers for other (earlier, timed-out) requests that arrive while waiting.
using LateAnswerSink = std::function<void(const GatewayAnswer&)>;

class FolderCardLookup : public CardEligibilityLookup {
public:
    FolderCardLookup(gateway::FolderEligibilityGateway& gateway, const gateway::DemoDataset& dataset,
                     const Clock& clock, std::chrono::milliseconds timeout, LateAnswerSink lateAnswers);
    GatewayAnswer lookup(CardReader& card, const AuthCertificateInfo& certificate,
                         std::stop_token stop) override;
    // Hands answers that arrived for earlier, timed-out requests to the sink; skipped while a
    // lookup waits (it collects them itself and must not lose its own answer). Any thread.
    void collectLateAnswers();

private:
    gateway::FolderEligibilityGateway& gateway_;
    const gateway::DemoDataset& dataset_;
    const Clock& clock_;
    std::chrono::milliseconds timeout_;
    LateAnswerSink lateAnswers_;
    std::mutex waiting_;  // held by a lookup while it waits for its answer
};

}  // namespace madoguchi::gui
