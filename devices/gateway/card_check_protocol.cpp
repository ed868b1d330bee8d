#include "devices/gateway/card_check_protocol.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

#include <openssl/sha.h>

#include <cctype>
#include <cstdio>

#include <sstream>

namespace madoguchi::gateway::card_check {

namespace {

constexpr std::string_view kCardSignsLabel = "madoguchi/card-check/v1/card-signs";
constexpr std::string_view kGatewaySignsLabel = "madoguchi/card-check/v1/gateway-answers";

void appendField(std::vector<std::uint8_t>& out, const void* data, std::size_t size) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>((size >> shift) & 0xFF));
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out.insert(out.end(), bytes, bytes + size);
}

}  // namespace

std::string certificateIdentity(const std::vector<std::uint8_t>& certificateDer) {
    std::uint8_t digest[SHA256_DIGEST_LENGTH];
    SHA256(certificateDer.data(), certificateDer.size(), digest);
    std::string identity = "sha256:";
    char hex[3];
    for (std::uint8_t b : digest) {
        std::snprintf(hex, sizeof hex, "%02x", b);
        identity += hex;
    }
    return identity;
}

std::string plainLoopbackIdentity(std::uint16_t port) { return "http://127.0.0.1:" + std::to_string(port); }

std::vector<std::uint8_t> signedMessage(std::string_view gatewayIdentity, const std::vector<std::uint8_t>& nonce) {
    std::vector<std::uint8_t> message;
    appendField(message, kCardSignsLabel.data(), kCardSignsLabel.size());
    appendField(message, gatewayIdentity.data(), gatewayIdentity.size());
    appendField(message, nonce.data(), nonce.size());
    return message;
}

std::vector<std::uint8_t> answerMessage(const std::vector<std::uint8_t>& nonce, std::string_view resultXml) {
    std::vector<std::uint8_t> message;
    appendField(message, kGatewaySignsLabel.data(), kGatewaySignsLabel.size());
    appendField(message, nonce.data(), nonce.size());
    appendField(message, resultXml.data(), resultXml.size());
    return message;
}

std::string toBase64(const std::vector<std::uint8_t>& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    encoder.close();
    return out.str();
}

std::optional<std::vector<std::uint8_t>> fromBase64(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) return std::nullopt;
    for (char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=') return std::nullopt;
    try {
        std::istringstream in{std::string(text)};
        Poco::Base64Decoder decoder(in);
        std::string raw((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
        return std::vector<std::uint8_t>(raw.begin(), raw.end());
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

}  // namespace madoguchi::gateway::card_check
