// Windows (docs/windows.md): the program links the client in, no module to open.
#include "devices/gateway/card_check_module.h"

namespace madoguchi::gateway {

Outcome<std::unique_ptr<CardCheckClient>> makeCardCheckClient(const std::string& url, const CodeTables& codes,
                                                              const CardCheckTrust& trust,
                                                              std::chrono::milliseconds timeout) {
    return std::unique_ptr<CardCheckClient>(std::make_unique<HttpCardCheckClient>(url, codes, trust, timeout));
}

}  // namespace madoguchi::gateway
