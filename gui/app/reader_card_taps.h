#pragma once
// The direct reader (modes ②/③): watches the PC/SC readers and turns each card placed on one
// into a card-tap arrival. watch() runs on the window's BackgroundWork until its stop token is
// raised, which also cancels a PC/SC wait under way. Each card gets its own PC/SC context, so the
// watch and the card's APDUs never share one across threads.
#include <functional>
#include <mutex>
#include <stop_token>

#include "devices/card/pcsc_reader.h"
#include "domain/ports/clock.h"
#include "gui/reception/arrival.h"

namespace madoguchi::gui {

class ReaderCardTaps {
public:
    explicit ReaderCardTaps(const Clock& clock) : clock_(clock) {}
    // Blocks until `stop`: emit(arrival) once per card placed on a reader.
    void watch(std::stop_token stop, const std::function<void(Arrival)>& emit);

private:
    void watchContext(card::PcscContext& context, const std::stop_token& stop, const std::function<void(Arrival)>& emit);
    const Clock& clock_;
    std::mutex contextMutex_;
    card::PcscContext* watching_ = nullptr;  // the context a wait runs on, for cancel()
};

}  // namespace madoguchi::gui
