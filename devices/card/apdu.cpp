#include "devices/card/apdu.h"

#include <openssl/crypto.h>

namespace madoguchi::card {

namespace {

void appendLength(Bytes& out, std::size_t length, bool extended, bool leadingZero) {
    if (!extended) {
        out.push_back(static_cast<std::uint8_t>(length & 0xFF));  // 256 -> 00
        return;
    }
    if (leadingZero) out.push_back(0x00);
    out.push_back(static_cast<std::uint8_t>((length >> 8) & 0xFF));  // 65536 -> 0000
    out.push_back(static_cast<std::uint8_t>(length & 0xFF));
}

}  // namespace

Bytes CommandApdu::encode() const {
    Bytes out{cla, ins, p1, p2};
    if (!data.empty()) {
        appendLength(out, data.size(), extended, true);
        out.insert(out.end(), data.begin(), data.end());
    }
    if (le >= 0) appendLength(out, static_cast<std::size_t>(le), extended, data.empty());
    return out;
}

ResponseApdu ResponseApdu::decode(const Bytes& raw) {
    ResponseApdu response;
    if (raw.size() < 2) return response;  // sw 0000: no valid answer
    response.data.assign(raw.begin(), raw.end() - 2);
    response.sw = static_cast<std::uint16_t>((raw[raw.size() - 2] << 8) | raw[raw.size() - 1]);
    return response;
}

std::string toHex(const Bytes& bytes) {
    static const char* digits = "0123456789ABCDEF";
    std::string text;
    text.reserve(bytes.size() * 2);
    for (auto byte : bytes) {
        text.push_back(digits[byte >> 4]);
        text.push_back(digits[byte & 0x0F]);
    }
    return text;
}

void wipe(Bytes& bytes) {
    if (!bytes.empty()) OPENSSL_cleanse(bytes.data(), bytes.size());
    bytes.clear();
}

void wipe(std::string& text) {
    if (!text.empty()) OPENSSL_cleanse(text.data(), text.size());
    text.clear();
}

}  // namespace madoguchi::card
