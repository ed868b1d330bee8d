#include "command_clock.h"

#include <stdexcept>
#include <string>

namespace madoguchi::cli {

CommandClock::CommandClock(const Options& options) {
    if (auto text = options.value(kTodayOption)) {
        auto day = Date::parseIso(*text);
        if (!day) throw std::invalid_argument(std::string(kTodayOption) + " must be a date YYYY-MM-DD");
        shifted_.emplace(system_, *day);
    }
}

LocalDateTime CommandClock::now() const { return shifted_ ? shifted_->now() : system_.now(); }

}  // namespace madoguchi::cli
