#pragma once
// A My Number card on a reader, open for one reception. Used from one worker thread at a time.
#include <string>

#include "domain/ports/card_reader.h"

namespace madoguchi::gui {

class TappedCard {
public:
    virtual ~TappedCard() = default;
    virtual CardReader& reader() = 0;
    virtual std::string description() const = 0;  // e.g. the reader's name, for the queue
};

}  // namespace madoguchi::gui
