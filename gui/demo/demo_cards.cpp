#include "gui/demo/demo_cards.h"

#include <fstream>

#include "devices/card/sim/card_profile.h"
#include "gui/demo/virtual_tapped_card.h"

namespace madoguchi::gui {

DemoCards::DemoCards(std::filesystem::path folder) : folder_(std::move(folder)) {
    std::filesystem::create_directories(folder_);
}

std::filesystem::path DemoCards::caKeyPath() const { return folder_ / "demo_ca.key.pem"; }

std::filesystem::path DemoCards::caCertificatePath() const { return folder_ / "demo_ca.cert.pem"; }

Outcome<bool> DemoCards::ensureCertificateAuthority() {
    if (std::filesystem::exists(caCertificatePath())) return true;
    return card::sim::makeCertificateAuthority(caKeyPath(), caCertificatePath());
}

Outcome<std::shared_ptr<TappedCard>> DemoCards::tap(const gateway::DemoPerson& person) {
    std::lock_guard lock(mutex_);
    const auto profilePath = folder_ / (person.id + ".json");
    if (!std::filesystem::exists(profilePath)) {
        if (auto ca = ensureCertificateAuthority(); !ca) return ca.problem();
        const auto dataset = folder_ / (person.id + ".dataset.json");
        std::ofstream(dataset) << "{\"people\":[{\"id\":\"" << person.id << "\",\"card_serial\":\"" << person.cardSerial
                               << "\",\"certificate_not_after\":\"" << person.certificateNotAfter << "\"}]}";
        auto made = card::sim::makeProfiles(dataset, caKeyPath(), caCertificatePath(), folder_,
                                            kDemoCardPin);
        if (!made) return made.problem();
    }
    auto profile = card::sim::loadProfile(profilePath);
    if (!profile) return profile.problem();
    return std::shared_ptr<TappedCard>(std::make_shared<VirtualTappedCard>(profile.value()));
}

}  // namespace madoguchi::gui
