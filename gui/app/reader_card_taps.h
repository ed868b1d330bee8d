#pragma once
// The direct reader (modes ②/③): watches the PC/SC readers on its own thread and turns each
// card placed on one into a card-tap arrival. Each card gets its own PC/SC context, so the
// watch and the card's APDUs never share one across threads.
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

#include "devices/card/pcsc_reader.h"
#include "domain/ports/clock.h"
#include "gui/reception/arrival.h"

namespace madoguchi::gui {

class ReaderCardTaps {
public:
    explicit ReaderCardTaps(const Clock& clock) : clock_(clock) {}
    ~ReaderCardTaps() { stop(); }
    void start(std::function<void(Arrival)> deliver);
    void stop();

private:
    void watch(const std::function<void(Arrival)>& deliver);
    const Clock& clock_;
    std::atomic<bool> stopping_{false};
    std::mutex contextMutex_;
    card::PcscContext* watching_ = nullptr;  // the context a wait runs on, for cancel()
    std::thread thread_;
};

}  // namespace madoguchi::gui
