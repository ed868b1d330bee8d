#include "devices/gateway/bulk_answer.h"

#include "devices/gateway/result_xml.h"
#include "devices/gateway/zip_entries.h"

namespace madoguchi::gateway {

Outcome<BulkResult> parseBulkAnswer(std::string_view bytes, const CodeTables& codes) {
    if (!looksLikeZip(bytes)) return parseBulkResult(bytes, codes);
    // The parts together are one answer: each, and all of them, within the bulk answer's limit.
    auto entries = xmlEntriesOfZip(bytes, ZipLimits{.maxEntryBytes = kBulkMessageLimits.maxBytes,
                                                    .maxTotalBytes = kBulkMessageLimits.maxBytes});
    if (!entries) return entries.problem();
    if (entries.value().empty()) return Problem{"gateway.bad_zip", "the zip archive holds no .xml answer"};
    std::optional<BulkResult> joined;
    for (const auto& entry : entries.value()) {
        auto part = parseBulkResult(entry.content, codes);
        if (!part) return Problem{part.problem().code, entry.name.substr(0, 80) + ": " + part.problem().message};
        if (!joined) {
            joined = std::move(part).value();
            continue;
        }
        if (part.value().receptionNumber != joined->receptionNumber)
            return Problem{"gateway.bad_zip", "the zip archive's answers name different reception numbers"};
        for (auto& unit : part.value().units) joined->units.push_back(std::move(unit));
    }
    return *joined;
}

}  // namespace madoguchi::gateway
