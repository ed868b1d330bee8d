#include "gui/demo/demo_cards.h"

#include <fstream>

#include "app/resources.h"
#include "devices/card/sim/card_profile.h"
#include "gui/demo/virtual_tapped_card.h"

namespace madoguchi::gui {
namespace {

// The demo CA every demo card is issued by: the gateway simulator's direct card check trusts it.
std::filesystem::path demoCaFolder() { return app::resourcesDir() / "demo" / "ca"; }

}  // namespace

DemoCards::DemoCards(std::filesystem::path folder) : folder_(std::move(folder)) {
    std::filesystem::create_directories(folder_);
}

Outcome<std::shared_ptr<TappedCard>> DemoCards::tap(const gateway::DemoPerson& person) {
    std::lock_guard lock(mutex_);
    const auto profilePath = folder_ / (person.id + ".json");
    if (!std::filesystem::exists(profilePath)) {
        const auto dataset = folder_ / (person.id + ".dataset.json");
        std::ofstream(dataset) << "{\"people\":[{\"id\":\"" << person.id << "\",\"card_serial\":\"" << person.cardSerial
                               << "\",\"certificate_not_after\":\"" << person.certificateNotAfter << "\"}]}";
        auto made = card::sim::makeProfiles(dataset, demoCaFolder() / "demo_ca.key.pem", demoCaFolder() / "demo_ca.cert.pem", folder_,
                                            kDemoCardPin);
        if (!made) return made.problem();
    }
    auto profile = card::sim::loadProfile(profilePath);
    if (!profile) return profile.problem();
    return std::shared_ptr<TappedCard>(std::make_shared<VirtualTappedCard>(profile.value()));
}

}  // namespace madoguchi::gui
