#pragma once
// A clock that starts on a chosen day and then runs with another clock: same time of day, moving
// on to the next day at midnight. The demo runs on it (the demo dataset's `demo_today`, so every
// demo person stands where the dataset was written for, whatever the machine's date), and so does
// `madoguchi-cli sim oqs --today YYYY-MM-DD`.
#include "domain/ports/clock.h"

namespace madoguchi::app {

class DayShiftedClock : public Clock {
public:
    DayShiftedClock(const Clock& base, const Date& firstDay);
    LocalDateTime now() const override;

private:
    const Clock& base_;
    int shiftDays_;
};

}  // namespace madoguchi::app
