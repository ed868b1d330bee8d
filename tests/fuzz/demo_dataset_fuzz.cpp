// libFuzzer: the simulator's dataset reader (resources/demo/oqs_dataset.json, or a file given with
// --dataset) must answer every input with a dataset or a Problem.
#include <cstddef>
#include <cstdint>
#include <string>

#include "devices/gateway/demo_dataset.h"

namespace {
const madoguchi::CodeTables& codes() {
    static const madoguchi::CodeTables tables =
        madoguchi::CodeTables::parse("OQSCD006\t1\t有効\nOQSCD007\t1\t男\nOQSCD007\t2\t女\n").value();
    return tables;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto dataset = madoguchi::gateway::DemoDataset::parse(std::string(reinterpret_cast<const char*>(data), size), codes());
    if (dataset)
        for (const auto& person : dataset.value().people()) (void)person.answer.isConfirmed();
    return 0;
}
