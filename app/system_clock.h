#pragma once
// The machine's local clock (the facility's time zone, JST in practice).
#include "domain/ports/clock.h"

namespace madoguchi::app {

class SystemClock : public Clock {
public:
    LocalDateTime now() const override;
};

}  // namespace madoguchi::app
