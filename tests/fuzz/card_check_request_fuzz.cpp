// libFuzzer: the simulator's direct card check reads the verify body from the network
// (parseVerifyRequest: JSON with base64 fields); every body is a request or a Problem.
#include <cstddef>
#include <cstdint>
#include <string>

#include "devices/gateway/card_check_http_server.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)madoguchi::gateway::parseVerifyRequest(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
