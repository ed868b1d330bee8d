// libFuzzer: the result XML parser must answer every input with a value or a Problem, never a
// crash, a leak or a hang. The code tables are the shipped ones, embedded as a small sample.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "devices/gateway/result_xml.h"

namespace {
const madoguchi::CodeTables& codes() {
    static const madoguchi::CodeTables tables =
        madoguchi::CodeTables::parse("OQSCD003\t1\t正常終了\nOQSCD004\t1\t正常終了\nOQSCD006\t1\t有効\nOQSCD007\t1\t男\n").value();
    return tables;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto result = madoguchi::gateway::parseResultXml(std::string_view(reinterpret_cast<const char*>(data), size), codes());
    if (result) (void)result.value().isConfirmed();
    return 0;
}
