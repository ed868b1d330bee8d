// The exported entry points of libmadoguchi-card-check.so (see devices/gateway/card_check_module.h).
#include "devices/gateway/card_check_module.h"

extern "C" __attribute__((visibility("default"))) int madoguchi_card_check_module_version() {
    return madoguchi::gateway::kCardCheckModuleVersion;
}

extern "C" __attribute__((visibility("default"))) madoguchi::gateway::CardCheckClient* madoguchi_card_check_client_create(
    const std::string& url, const madoguchi::CodeTables& codes, const madoguchi::gateway::CardCheckTrust& trust,
    std::chrono::milliseconds timeout) {
    return new madoguchi::gateway::HttpCardCheckClient(url, codes, trust, timeout);
}
