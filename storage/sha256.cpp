// OpenSSL 3 marks the SHA256_* functions deprecated in favour of EVP (see sha256.h for why not EVP).
#define OPENSSL_SUPPRESS_DEPRECATED
#include "storage/sha256.h"

#include <openssl/crypto.h>
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
    OPENSSL_cleanse(block.data(), block.size());
    OPENSSL_cleanse(pad.data(), pad.size());
    OPENSSL_cleanse(&inner, sizeof inner);
    return finish(outer);
}

}  // namespace madoguchi::storage
