#pragma once
// The demo people's virtual My Number cards, issued by a CA made for this demo run (its key
// never leaves the demo's throw-away folder, and no package carries one): one profile per person
// made on the first tap (RSA key and certificate, PIN 1234), and the PIN counter kept per card
// for the demo's lifetime (three wrong PINs lock it, as on a real card).
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "devices/gateway/demo_dataset.h"
#include "domain/outcome.h"
#include "gui/reception/tapped_card.h"

namespace madoguchi::gui {

inline constexpr const char* kDemoCardPin = "1234";

class DemoCards {
public:
    explicit DemoCards(std::filesystem::path folder);
    // The person's card on the reader (slow the first time: key generation). Any thread.
    Outcome<std::shared_ptr<TappedCard>> tap(const gateway::DemoPerson& person);
    // The run's CA certificate (made on the first tap): what a card check must trust.
    std::filesystem::path caCertificatePath() const;

private:
    std::filesystem::path caKeyPath() const;
    Outcome<bool> ensureCertificateAuthority();

    std::filesystem::path folder_;
    std::mutex mutex_;
};

}  // namespace madoguchi::gui
