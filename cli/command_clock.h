#pragma once
// The clock of a command: the machine's, or with `--today YYYY-MM-DD` the given day at the
// machine's time of day (moving on at midnight), so scripts and tests get the same answers on any date.
#include <optional>

#include "app/day_shifted_clock.h"
#include "app/system_clock.h"
#include "arguments.h"

namespace madoguchi::cli {

inline constexpr const char* kTodayOption = "--today";

class CommandClock : public Clock {
public:
    explicit CommandClock(const Options& options);  // throws std::invalid_argument on a bad --today
    LocalDateTime now() const override;

private:
    app::SystemClock system_;
    std::optional<app::DayShiftedClock> shifted_;
};

}  // namespace madoguchi::cli
