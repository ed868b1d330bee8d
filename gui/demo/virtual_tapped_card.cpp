#include "gui/demo/virtual_tapped_card.h"

namespace madoguchi::gui {

Outcome<card::ResponseApdu> VirtualCardTransport::transmit(const card::CommandApdu& command) {
    return card::ResponseApdu::decode(card_.answer(command.encode()));
}

VirtualTappedCard::VirtualTappedCard(card::sim::CardProfile profile)
    : virtualCard_(profile), transport_(virtualCard_), card_(transport_), description_("virtual card " + profile.personId) {}

}  // namespace madoguchi::gui
