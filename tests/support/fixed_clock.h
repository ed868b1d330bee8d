#pragma once
// A clock standing still at a given moment (tests that need fixed dates), moved on by hand.
#include "domain/ports/clock.h"

namespace madoguchi::test {

class FixedClock : public Clock {
public:
    explicit FixedClock(LocalDateTime at) : at_(at) {}
    LocalDateTime now() const override { return at_; }
    void set(LocalDateTime at) { at_ = at; }
    void advanceMinutes(int minutes) {
        const int total = at_.hour * 60 + at_.minute + minutes;
        at_.date = at_.date.plusDays(total / (24 * 60));
        at_.hour = (total % (24 * 60)) / 60;
        at_.minute = total % 60;
    }

private:
    LocalDateTime at_;
};

}  // namespace madoguchi::test
