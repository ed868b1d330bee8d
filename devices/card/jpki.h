#pragma once
// The My Number card's JPKI application as seen over ISO 7816-4 (DOMAIN.md §10).
// File identifiers and instruction bytes follow the card's published interface as used by
// OpenSC's JPKI driver: SELECT (A4) by DF name P1=04 / by EF id P1=02, P2=0C (no FCI);
// READ BINARY (B0); VERIFY (20) P2=80; signature: CLA 80, INS 2A, P1 00, P2 80, data =
// DigestInfo, Le 00 (PKCS#1 v1.5 padding is applied by the card).
#include <array>
#include <cstdint>

namespace madoguchi::card::jpki {

inline constexpr std::array<std::uint8_t, 10> kJpkiAid{0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};
// 券面事項確認AP: card-face data incl. the portrait, unlocked by 照合番号B.
inline constexpr std::array<std::uint8_t, 10> kCardFaceAid{0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02};

inline constexpr std::uint16_t kAuthCertificateEf = 0x000A;    // 利用者証明用電子証明書
inline constexpr std::uint16_t kAuthCaCertificateEf = 0x000B;  // its issuing CA
inline constexpr std::uint16_t kAuthKeyEf = 0x0017;
inline constexpr std::uint16_t kAuthPinEf = 0x0018;
inline constexpr int kAuthPinMaxTries = 3;
// The 署名用電子証明書 side: the virtual card has these files so that OpenSC's JPKI emulator
// binds, but it answers no signature-side command (the demo issues no signing certificate).
inline constexpr std::uint16_t kSignCertificateEf = 0x0001;
inline constexpr std::uint16_t kSignCaCertificateEf = 0x0002;
inline constexpr std::uint16_t kSignKeyEf = 0x001A;
inline constexpr std::uint16_t kSignPinEf = 0x001B;
inline constexpr int kSignPinMaxTries = 5;

inline constexpr std::uint8_t kInsSelect = 0xA4;
inline constexpr std::uint8_t kInsReadBinary = 0xB0;
inline constexpr std::uint8_t kInsVerify = 0x20;
inline constexpr std::uint8_t kInsComputeSignature = 0x2A;
inline constexpr std::uint8_t kClaProprietary = 0x80;

// The ATR a JPKI card answers with (OpenSC's JPKI driver also matches it).
inline constexpr std::array<std::uint8_t, 9> kAtr{0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14};

}  // namespace madoguchi::card::jpki
