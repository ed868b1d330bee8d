#include "app/system_clock.h"

#include <ctime>

namespace madoguchi::app {

LocalDateTime SystemClock::now() const {
    std::time_t seconds = std::time(nullptr);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &seconds);
#else
    localtime_r(&seconds, &local);
#endif
    auto date = Date::fromYmd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                              static_cast<unsigned>(local.tm_mday));
    return LocalDateTime{*date, local.tm_hour, local.tm_min, local.tm_sec};
}

}  // namespace madoguchi::app
