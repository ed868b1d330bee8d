#pragma once
// The wire format of the direct card check over HTTP (docs/gateway.md, "Direct card check"),
// shared by the simulator's server and HttpCardCheckClient:
//   POST /card-check/challenge            → 200 {"challenge": b64, "expires_in_ms": n}
//   POST /card-check/verify {"challenge": b64, "signature": b64, "certificate": b64 (DER)}
//                                         → 200 result XML (ReferenceClassification 1)
//                                         → 4xx {"error": code, "message": detail}
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::gateway::card_check {

inline constexpr std::string_view kChallengePath = "/card-check/challenge";
inline constexpr std::string_view kVerifyPath = "/card-check/verify";
inline constexpr std::size_t kMaxRequestBytes = 64 * 1024;  // a certificate is ~1.5 KB
inline constexpr std::size_t kChallengeBytes = 32;

// Stable refusal codes (the "error" field).
inline constexpr std::string_view kMalformedRequest = "cardcheck.malformed_request";
inline constexpr std::string_view kChallengeUnknown = "cardcheck.challenge_unknown";  // never issued or used
inline constexpr std::string_view kChallengeExpired = "cardcheck.challenge_expired";
inline constexpr std::string_view kCertificateUnreadable = "cardcheck.certificate_unreadable";
inline constexpr std::string_view kCertificateUntrusted = "cardcheck.certificate_untrusted";
inline constexpr std::string_view kCertificateNotYetValid = "cardcheck.certificate_not_yet_valid";
inline constexpr std::string_view kCertificateExpired = "cardcheck.certificate_expired";  // beyond grace
inline constexpr std::string_view kCertificateRevoked = "cardcheck.certificate_revoked";
inline constexpr std::string_view kBadSignature = "cardcheck.bad_signature";

std::string toBase64(const std::vector<std::uint8_t>& bytes);
// nullopt when the text is not clean base64.
std::optional<std::vector<std::uint8_t>> fromBase64(std::string_view text);

}  // namespace madoguchi::gateway::card_check
