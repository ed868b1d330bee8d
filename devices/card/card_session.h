#pragma once
// One tap: the connection to the card on a reader and the My Number card over it. What the
// window opens after CardWatch::waitForCard() and drops when the card leaves.
#include <memory>

#include "devices/card/my_number_card.h"

namespace madoguchi::card {

class PcscCardSession {
public:
    static Outcome<std::unique_ptr<PcscCardSession>> open(PcscContext& context, const std::string& reader);

    CardReader& card() { return card_; }
    std::size_t apduCount() const { return reader_->apduCount(); }

private:
    explicit PcscCardSession(std::unique_ptr<PcscReader> reader) : reader_(std::move(reader)), card_(*reader_) {}
    std::unique_ptr<PcscReader> reader_;
    PcscMyNumberCard card_;
};

}  // namespace madoguchi::card
