#pragma once
// The storage port's few cryptographic needs, behind one header: SHA-256 and HMAC-SHA256
// (RFC 2104) for the audit chain, its anchor and the session ticket; PBKDF2-HMAC-SHA256 for staff
// passwords; random bytes for keys, salts and session ids; secrets wiped and compared in constant
// time. Linux: Nettle (crypto_primitives_nettle.cpp) and the kernel's getrandom() — a journal command
// of madoguchi-cli then maps no OpenSSL, whose relocation at load was a third of its start
// (docs/performance.md). Windows: OpenSSL's crypto (crypto_primitives_openssl.cpp), which the
// Windows build already has (docs/windows.md). Both give the same bytes (crypto_primitives_test).
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace madoguchi::storage {

using Sha256Digest = std::array<unsigned char, 32>;

Sha256Digest sha256(std::string_view data);
Sha256Digest hmacSha256(const unsigned char* key, std::size_t keySize, std::string_view data);
// `into.size()` bytes of PBKDF2-HMAC-SHA256 of `password` and `salt`.
void pbkdf2Sha256(std::string_view password, std::span<const unsigned char> salt, unsigned iterations,
                  std::span<unsigned char> into);
// Bytes from the operating system's random source; false when it gives none (nothing is then usable).
[[nodiscard]] bool randomBytes(std::span<unsigned char> into);
// Zeroes `size` bytes at `data` in a way the compiler keeps.
void wipe(void* data, std::size_t size);
// Zeroes a secret held in a string (a password, a line of a password file), then empties it.
inline void wipe(std::string& secret) {
    wipe(secret.data(), secret.size());
    secret.clear();
}
// Whether `a` and `b` (of the same size) hold the same bytes, in a time that does not depend on where they differ.
bool sameBytes(const void* a, const void* b, std::size_t size);

}  // namespace madoguchi::storage
