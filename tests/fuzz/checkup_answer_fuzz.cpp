// libFuzzer: the 特定健診 answer parser must answer every input with a value or a Problem, never a
// crash, a leak or a hang; every item it reads can be judged against its range.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "devices/gateway/checkup_answer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto answer = madoguchi::gateway::parseCheckupAnswer(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!answer) return 0;
    auto history = answer.value().history;
    madoguchi::sortNewestFirst(history);
    for (const auto& checkup : history.checkups)
        for (const auto& item : checkup.items) (void)item.outsideReferenceRange();
    return 0;
}
