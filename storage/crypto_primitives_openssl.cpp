// Windows: the primitives on OpenSSL's crypto. OpenSSL 3 marks the SHA256_* functions deprecated
// in favour of EVP; EVP reads its configuration and builds its provider and name tables on first
// use (~4 ms of a short command-line process), for the one algorithm the audit chain needs.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "storage/crypto_primitives.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>

namespace madoguchi::storage {

namespace {

constexpr std::size_t kBlockSize = 64;

Sha256Digest finish(SHA256_CTX& context) {
    Sha256Digest digest{};
    SHA256_Final(digest.data(), &context);
    return digest;
}

}  // namespace

Sha256Digest sha256(std::string_view data) {
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, data.data(), data.size());
    return finish(context);
}

Sha256Digest hmacSha256(const unsigned char* key, std::size_t keySize, std::string_view data) {
    std::array<unsigned char, kBlockSize> block{};  // the key, zero-padded (hashed first when longer)
    if (keySize > kBlockSize) {
        const Sha256Digest hashed = sha256({reinterpret_cast<const char*>(key), keySize});
        std::copy(hashed.begin(), hashed.end(), block.begin());
    } else {
        std::copy(key, key + keySize, block.begin());
    }
    std::array<unsigned char, kBlockSize> pad{};
    for (std::size_t i = 0; i < kBlockSize; ++i) pad[i] = block[i] ^ 0x36;
    SHA256_CTX inner;
    SHA256_Init(&inner);
    SHA256_Update(&inner, pad.data(), pad.size());
    SHA256_Update(&inner, data.data(), data.size());
    const Sha256Digest innerDigest = finish(inner);
    for (std::size_t i = 0; i < kBlockSize; ++i) pad[i] = block[i] ^ 0x5c;
    SHA256_CTX outer;
    SHA256_Init(&outer);
    SHA256_Update(&outer, pad.data(), pad.size());
    SHA256_Update(&outer, innerDigest.data(), innerDigest.size());
    wipe(block.data(), block.size());
    wipe(pad.data(), pad.size());
    wipe(&inner, sizeof inner);
    return finish(outer);
}

void pbkdf2Sha256(std::string_view password, std::span<const unsigned char> salt, unsigned iterations,
                  std::span<unsigned char> into) {
    PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                      static_cast<int>(iterations), EVP_sha256(), static_cast<int>(into.size()), into.data());
}

bool randomBytes(std::span<unsigned char> into) { return RAND_bytes(into.data(), static_cast<int>(into.size())) == 1; }

void wipe(void* data, std::size_t size) { OPENSSL_cleanse(data, size); }

bool sameBytes(const void* a, const void* b, std::size_t size) { return CRYPTO_memcmp(a, b, size) == 0; }

}  // namespace madoguchi::storage
