#pragma once
// The 券面事項確認AP (card-face data, DOMAIN.md §10): its file ids and the TLV layout of its
// card-face file, of which Madoguchi takes the portrait only.
//
// Public references agree on these (checked against jpki/myna's libmyna, AokiApp/jsapdu's
// mynacard constants and schema, and the mynatest constants; OpenSC's card-jpki.c covers the
// JPKI-AP only and has nothing on this AP):
//   AID D3 92 10 00 31 00 01 01 04 02; EF 0012 = 照合番号B (14 ASCII digits, VERIFY 00 20 00 80
//   after SELECT EF); EF 0002 = card-face entries, a constructed private TLV FF 20 holding
//   DF 21 (header / offsets), DF 22 birth date, DF 23 sex, DF 24 public key, DF 25 name image,
//   DF 26 address image, DF 27 portrait (JPEG 2000), DF 28 signature, DF 29 expiry,
//   DF 2A security-code image; the file is padded with FF after the TLV.
// Where they disagree: the 照合番号B retry limit. mynatest records 3 tries for EF 0012, while
// jsapdu's runner expects 10 before a 14-/12-digit 照合番号 VERIFY. We never assume a limit:
// the card's own 63Cx / 6983 answers drive the count, and the virtual card's limit is a profile
// setting (default 10).
//
// Deliberately absent: EF 0013 (照合番号A, which IS the 12-digit 個人番号) and EF 0005 (an image
// of the 個人番号). Madoguchi never selects them, and never selects the 券面事項入力補助AP.
#include <cstdint>
#include <optional>
#include <string>

#include "devices/card/apdu.h"

namespace madoguchi::card::card_face {

inline constexpr std::uint16_t kEntriesEf = 0x0002;
inline constexpr std::uint16_t kCollationNumberBEf = 0x0012;
inline constexpr std::size_t kCollationNumberBLength = 14;

inline constexpr std::uint16_t kEntriesTag = 0xFF20;
inline constexpr std::uint16_t kHeaderTag = 0xDF21;
inline constexpr std::uint16_t kBirthTag = 0xDF22;
inline constexpr std::uint16_t kSexTag = 0xDF23;
inline constexpr std::uint16_t kPortraitTag = 0xDF27;
inline constexpr std::uint16_t kExpiryTag = 0xDF29;

// 14 digits: birth date YYMMDD, card expiry year YYYY, security code (4 digits).
bool validCollationNumberB(const std::string& number);

// The total length (header + value) of a BER-TLV from its first bytes, or 0 when they are not
// the start of a definite-length TLV (tags of one or two bytes, lengths up to 3 bytes).
std::size_t tlvTotalLength(const Bytes& head);

// The portrait's bytes inside the card-face file (FF 20 { ... DF 27 ... }), or nullopt.
std::optional<Bytes> portraitFrom(const Bytes& entries);

// One TLV with a one- or two-byte tag (the virtual card builds its card-face file with it).
Bytes encodeTlv(std::uint16_t tag, const Bytes& value);

}  // namespace madoguchi::card::card_face
