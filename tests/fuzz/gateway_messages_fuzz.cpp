// libFuzzer: every gateway message reader besides the single result (requests, bulk upload and
// download, bulk result, 照会番号 registration) and the `oqs parse` detection must answer every
// input with a value or a Problem, never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "devices/gateway/message_kind.h"
#include "devices/gateway/request_xml.h"
#include "devices/gateway/result_xml.h"

namespace {
const madoguchi::CodeTables& codes() {
    static const madoguchi::CodeTables tables =
        madoguchi::CodeTables::parse("OQSCD003\t1\t正常終了\nOQSCD004\t1\t正常終了\nOQSCD006\t1\t有効\nOQSCD007\t1\t男\n").value();
    return tables;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace madoguchi::gateway;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)parseQueryRequest(bytes);
    (void)parseBulkDownloadRequest(bytes);
    (void)parseRegistrationRequest(bytes);
    (void)parseBulkUploadResult(bytes, codes());
    (void)parseRegistrationResult(bytes, codes());
    auto bulk = parseBulkResult(bytes, codes());
    if (bulk)
        for (const auto& unit : bulk.value().units) (void)unit.result.isConfirmed();
    (void)messageToJson(detectMessageKind("", bytes), bytes, codes());
    return 0;
}
