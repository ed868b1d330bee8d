#pragma once
// The wire format of the direct card check over HTTP (docs/gateway.md, "Direct card check"),
// shared by the simulator's server and HttpCardCheckClient:
//   POST /card-check/challenge            → 200 {"challenge": b64 of 32 bytes, "expires_in_ms": n}
//   POST /card-check/verify {"challenge": b64, "signature": b64, "certificate": b64 (DER)}
//                                         → 200 result XML (ReferenceClassification 1), header
//                                           X-Card-Check-Answer-Signature: b64 (HTTPS only)
//                                         → 4xx {"error": code, "message": detail}
// The card never signs the challenge as given: it signs signedMessage(), which names the gateway
// the client is talking to (a challenge relayed from another JPKI service does not verify there),
// and the gateway signs its answer with its TLS key over answerMessage().
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
inline constexpr std::string_view kAnswerSignatureHeader = "X-Card-Check-Answer-Signature";

// Stable refusal codes (the "error" field).
inline constexpr std::string_view kMalformedRequest = "cardcheck.malformed_request";
inline constexpr std::string_view kChallengeUnknown = "cardcheck.challenge_unknown";  // never issued or used
inline constexpr std::string_view kChallengeExpired = "cardcheck.challenge_expired";
inline constexpr std::string_view kCertificateUnreadable = "cardcheck.certificate_unreadable";
inline constexpr std::string_view kCertificateUntrusted = "cardcheck.certificate_untrusted";
inline constexpr std::string_view kCertificateNotYetValid = "cardcheck.certificate_not_yet_valid";
inline constexpr std::string_view kCertificateExpired = "cardcheck.certificate_expired";  // beyond grace
inline constexpr std::string_view kCertificateRevoked = "cardcheck.certificate_revoked";
// Not an auth certificate: keyUsage without digitalSignature, an extended key usage without
// clientAuth, or not under the JPKI auth certificate policy.
inline constexpr std::string_view kCertificateWrongUse = "cardcheck.certificate_wrong_use";
inline constexpr std::string_view kBadSignature = "cardcheck.bad_signature";

// The gateway's identity as the client sees it: "sha256:" + the hex SHA-256 of its TLS certificate
// (DER); without TLS (loopback in demo mode only) its loopback port, "http://127.0.0.1:PORT"
// however the client spelt the loopback address.
std::string certificateIdentity(const std::vector<std::uint8_t>& certificateDer);
std::string plainLoopbackIdentity(std::uint16_t port);

// What the card signs: a fixed label, the gateway's identity and the nonce, each length-prefixed.
std::vector<std::uint8_t> signedMessage(std::string_view gatewayIdentity, const std::vector<std::uint8_t>& nonce);
// What the gateway signs over its answer: a fixed label, the nonce and the result XML.
std::vector<std::uint8_t> answerMessage(const std::vector<std::uint8_t>& nonce, std::string_view resultXml);

std::string toBase64(const std::vector<std::uint8_t>& bytes);
// nullopt when the text is not clean base64.
std::optional<std::vector<std::uint8_t>> fromBase64(std::string_view text);

}  // namespace madoguchi::gateway::card_check
