#pragma once
#include "../date.h"

namespace madoguchi {

// The domain reads no clock: the application hands it one.
class Clock {
public:
    virtual ~Clock() = default;
    virtual LocalDateTime now() const = 0;  // facility local time (JST)
};

}  // namespace madoguchi
