// Linux: the primitives on Nettle, random bytes from the kernel (getrandom: the same source
// OpenSSL seeds from, without its generator's start-up).
#include "storage/crypto_primitives.h"

#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <nettle/pbkdf2.h>
#include <nettle/sha2.h>
#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace madoguchi::storage {

Sha256Digest sha256(std::string_view data) {
    sha256_ctx context;
    sha256_init(&context);
    sha256_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
    Sha256Digest digest{};
    sha256_digest(&context, digest.size(), digest.data());
    return digest;
}

Sha256Digest hmacSha256(const unsigned char* key, std::size_t keySize, std::string_view data) {
    hmac_sha256_ctx context;
    hmac_sha256_set_key(&context, keySize, key);
    hmac_sha256_update(&context, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
    Sha256Digest digest{};
    hmac_sha256_digest(&context, digest.size(), digest.data());
    wipe(&context, sizeof context);  // it holds the key's inner and outer states
    return digest;
}

void pbkdf2Sha256(std::string_view password, std::span<const unsigned char> salt, unsigned iterations,
                  std::span<unsigned char> into) {
    pbkdf2_hmac_sha256(password.size(), reinterpret_cast<const std::uint8_t*>(password.data()), iterations,
                       salt.size(), salt.data(), into.size(), into.data());
}

bool randomBytes(std::span<unsigned char> into) {
    std::size_t filled = 0;
    while (filled < into.size()) {
        const ssize_t got = ::getrandom(into.data() + filled, into.size() - filled, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        filled += static_cast<std::size_t>(got);
    }
    return true;
}

void wipe(void* data, std::size_t size) { ::explicit_bzero(data, size); }

bool sameBytes(const void* a, const void* b, std::size_t size) {
    return memeql_sec(a, b, size) != 0;
}

}  // namespace madoguchi::storage
