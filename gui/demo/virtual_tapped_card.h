#pragma once
// A demo person's virtual My Number card "on the reader": the real card code (PcscMyNumberCard)
// talks APDUs straight to an in-process VirtualMyNumberCard, with no pcscd in between.
#include <memory>
#include <string>

#include "devices/card/my_number_card.h"
#include "devices/card/sim/virtual_card.h"
#include "gui/reception/tapped_card.h"

namespace madoguchi::gui {

class VirtualCardTransport : public card::ApduTransport {
public:
    explicit VirtualCardTransport(card::sim::VirtualMyNumberCard& card) : card_(card) {}
    Outcome<card::ResponseApdu> transmit(const card::CommandApdu& command) override;

private:
    card::sim::VirtualMyNumberCard& card_;
};

class VirtualTappedCard : public TappedCard {
public:
    explicit VirtualTappedCard(card::sim::CardProfile profile);
    CardReader& reader() override { return card_; }
    std::string description() const override { return description_; }

private:
    card::sim::VirtualMyNumberCard virtualCard_;
    VirtualCardTransport transport_;
    card::PcscMyNumberCard card_;
    std::string description_;
};

}  // namespace madoguchi::gui
