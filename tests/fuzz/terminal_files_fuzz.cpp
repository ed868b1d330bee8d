// libFuzzer: what the terminal leaves in res/ besides results — the .err text of a rejected
// request — and the first-bytes encoding check every message goes through. Each must answer
// every input without a crash, a leak or a hang; the cleaned text must be valid UTF-8 that
// cleans to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "devices/gateway/message_reader.h"
#include "devices/gateway/request_encoding.h"
#include "devices/gateway/terminal_rejection.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string text = madoguchi::gateway::rejectionText(bytes);
    if (madoguchi::gateway::rejectionText(text) != text) std::abort();
    (void)madoguchi::gateway::toShiftJis(text);
    auto encoding = madoguchi::gateway::prologEncoding(bytes);
    if (encoding) (void)encoding.value();
    return 0;
}
