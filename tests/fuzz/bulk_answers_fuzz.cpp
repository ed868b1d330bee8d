// libFuzzer: a bulk 照会 answer as the terminal may leave it in res/ — the XML, or a .zip holding it
// (parseBulkAnswer), and the zip reader itself with small limits (xmlEntriesOfZip). Each must
// answer every input without a crash, a leak or a hang, and what the zip reader returns must keep
// its limits: no more entries than allowed, no entry larger than the cap, no name with a path.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "devices/gateway/bulk_answer.h"
#include "devices/gateway/zip_entries.h"

namespace {

const madoguchi::CodeTables& codes() {
    static const madoguchi::CodeTables tables =
        madoguchi::CodeTables::parse("OQSCD003\t1\t正常終了\nOQSCD003\t2\t処理中\nOQSCD004\t1\t正常終了\nOQSCD006\t1\t有効\n")
            .value();
    return tables;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)madoguchi::gateway::parseBulkAnswer(bytes, codes());
    const madoguchi::gateway::ZipLimits limits{4, 4096, 8192};
    auto entries = madoguchi::gateway::xmlEntriesOfZip(bytes, limits);
    if (!entries) return 0;
    if (entries.value().size() > limits.maxEntries) std::abort();
    std::size_t total = 0;
    for (const auto& entry : entries.value()) {
        total += entry.content.size();
        if (entry.content.size() > limits.maxEntryBytes || entry.name.find('/') != std::string::npos ||
            entry.name.find("..") != std::string::npos)
            std::abort();
    }
    if (total > limits.maxTotalBytes) std::abort();
    return 0;
}
