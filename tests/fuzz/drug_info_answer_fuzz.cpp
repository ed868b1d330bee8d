// libFuzzer: the 薬剤情報 answer parser must answer every input with a value or a Problem, never a
// crash, a leak or a hang; what it reads must survive the merge and the duplicate rule.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "devices/gateway/drug_info_answer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto answer = madoguchi::gateway::parseDrugInfoAnswer(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!answer) return 0;
    auto history = answer.value().history;
    madoguchi::mergeSources(history);
    (void)madoguchi::possibleDuplicates(history);
    return 0;
}
