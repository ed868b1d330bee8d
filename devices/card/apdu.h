#pragma once
// ISO 7816-4 command and response APDUs (short and extended length).
#include <cstdint>
#include <string>
#include <vector>

namespace madoguchi::card {

using Bytes = std::vector<std::uint8_t>;

struct CommandApdu {
    std::uint8_t cla = 0x00, ins = 0, p1 = 0, p2 = 0;
    Bytes data;
    int le = -1;  // -1: no Le; 0..65536 expected length (256 / 65536 encode as 00 / 0000)
    bool extended = false;

    Bytes encode() const;
};

struct ResponseApdu {
    Bytes data;
    std::uint16_t sw = 0;

    static ResponseApdu decode(const Bytes& raw);  // raw of at least 2 bytes
    bool ok() const { return sw == 0x9000; }
    std::uint8_t sw1() const { return static_cast<std::uint8_t>(sw >> 8); }
    std::uint8_t sw2() const { return static_cast<std::uint8_t>(sw & 0xFF); }
};

// Status words a My Number card answers with.
namespace sw {
inline constexpr std::uint16_t kOk = 0x9000;
inline constexpr std::uint16_t kWrongLength = 0x6700;
inline constexpr std::uint16_t kSecurityNotSatisfied = 0x6982;
inline constexpr std::uint16_t kAuthenticationBlocked = 0x6983;
inline constexpr std::uint16_t kConditionsNotSatisfied = 0x6985;
inline constexpr std::uint16_t kWrongData = 0x6A80;
inline constexpr std::uint16_t kFileNotFound = 0x6A82;
inline constexpr std::uint16_t kWrongP1P2 = 0x6B00;
inline constexpr std::uint16_t kInsNotSupported = 0x6D00;
inline constexpr std::uint16_t kClaNotSupported = 0x6E00;
inline constexpr std::uint16_t kPinTriesBase = 0x63C0;  // 63Cx: x tries left
}  // namespace sw

std::string toHex(const Bytes& bytes);

// Overwrites a buffer so that a PIN or a portrait does not linger in memory.
void wipe(Bytes& bytes);
void wipe(std::string& text);

}  // namespace madoguchi::card
