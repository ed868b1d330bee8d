#include "app/day_shifted_clock.h"

namespace madoguchi::app {

DayShiftedClock::DayShiftedClock(const Clock& base, const Date& firstDay)
    : base_(base), shiftDays_(static_cast<int>(firstDay.daysSinceEpoch() - base.now().date.daysSinceEpoch())) {}

LocalDateTime DayShiftedClock::now() const {
    LocalDateTime at = base_.now();
    at.date = at.date.plusDays(shiftDays_);
    return at;
}

}  // namespace madoguchi::app
