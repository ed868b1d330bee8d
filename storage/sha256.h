#pragma once
// SHA-256 and HMAC-SHA256 (RFC 2104) for the audit chain, its anchor and the session ticket, on
// OpenSSL's SHA-256 functions directly. OpenSSL 3's EVP interface reads its configuration and
// builds its provider and name tables on first use: ~4 ms of a short command-line process
// (docs/performance.md), for the one algorithm these need.
#include <array>
#include <cstddef>
#include <string_view>

namespace madoguchi::storage {

using Sha256Digest = std::array<unsigned char, 32>;

Sha256Digest sha256(std::string_view data);
Sha256Digest hmacSha256(const unsigned char* key, std::size_t keySize, std::string_view data);

}  // namespace madoguchi::storage
