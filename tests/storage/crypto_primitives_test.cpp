// The storage port's cryptographic primitives (storage/crypto_primitives.h; Nettle on Linux,
// OpenSSL on Windows) against the published test vectors (FIPS 180-2, RFC 4231, RFC 7914's
// PBKDF2-HMAC-SHA256) and against OpenSSL's own EVP HMAC and PBKDF2, a second implementation.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <boost/test/unit_test.hpp>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "storage/audit_key.h"
#include "storage/crypto_primitives.h"

using namespace madoguchi::storage;

namespace {

std::string hex(const Sha256Digest& digest) { return toHex(digest.data(), digest.size()); }

std::string evpHmacHex(const std::vector<unsigned char>& key, const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
         data.size(), digest, &length);
    return toHex(digest, length);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CryptoPrimitives)

BOOST_AUTO_TEST_CASE(DigestsMatchThePublishedVectors) {
    BOOST_CHECK_EQUAL(hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_CHECK_EQUAL(hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

BOOST_AUTO_TEST_CASE(HmacMatchesRfc4231) {
    const std::vector<unsigned char> key1(20, 0x0b);  // test case 1
    BOOST_CHECK_EQUAL(hex(hmacSha256(key1.data(), key1.size(), "Hi There")),
                      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    const std::string jefe = "Jefe";  // test case 2
    BOOST_CHECK_EQUAL(hex(hmacSha256(reinterpret_cast<const unsigned char*>(jefe.data()), jefe.size(),
                                     "what do ya want for nothing?")),
                      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    const std::vector<unsigned char> key6(131, 0xaa);  // test case 6: a key longer than the block
    BOOST_CHECK_EQUAL(hex(hmacSha256(key6.data(), key6.size(), "Test Using Larger Than Block-Size Key - Hash Key First")),
                      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

BOOST_AUTO_TEST_CASE(HmacMatchesOpenSslForKeysAroundTheBlockSize) {
    const std::string data = "audit row 42|2026-11-30T09:00:00|uketsuke1|visit.recorded|P001";
    for (std::size_t size : {0u, 1u, 32u, 63u, 64u, 65u, 128u}) {
        std::vector<unsigned char> key(size);
        for (std::size_t i = 0; i < size; ++i) key[i] = static_cast<unsigned char>(i * 7 + 3);
        BOOST_TEST_CONTEXT("key of " << size << " bytes") {
            BOOST_CHECK_EQUAL(hex(hmacSha256(key.data(), key.size(), data)), evpHmacHex(key, data));
        }
    }
}

BOOST_AUTO_TEST_CASE(Pbkdf2MatchesThePublishedVectorsAndOpenSsl) {
    const std::string salt = "salt";
    const auto saltBytes = std::span(reinterpret_cast<const unsigned char*>(salt.data()), salt.size());
    const std::vector<std::pair<unsigned, std::string>> vectors = {
        {1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"},
        {2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"},
        {4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"}};
    for (const auto& [iterations, expected] : vectors) {
        std::array<unsigned char, 32> derived{};
        pbkdf2Sha256("password", saltBytes, iterations, derived);
        BOOST_CHECK_EQUAL(toHex(derived.data(), derived.size()), expected);
    }
    std::array<unsigned char, 40> ours{}, openssl{};  // longer than one block of output
    pbkdf2Sha256("パスワード", saltBytes, 1000, ours);
    const std::string password = "パスワード";
    PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), saltBytes.data(),
                      static_cast<int>(saltBytes.size()), 1000, EVP_sha256(), static_cast<int>(openssl.size()), openssl.data());
    BOOST_CHECK(ours == openssl);
}

BOOST_AUTO_TEST_CASE(RandomBytesAreFreshEachTime) {
    std::array<unsigned char, 32> first{}, second{};
    BOOST_REQUIRE(randomBytes(first));
    BOOST_REQUIRE(randomBytes(second));
    BOOST_CHECK(first != second);
    BOOST_CHECK((first != std::array<unsigned char, 32>{}));
    std::vector<unsigned char> large(100000);  // more than one call of the system's source may give
    BOOST_REQUIRE(randomBytes(large));
    BOOST_CHECK_GT(std::count(large.begin(), large.end(), 0), 0);
    BOOST_CHECK_LT(std::count(large.begin(), large.end(), 0), 1000);  // ~390 expected
}

BOOST_AUTO_TEST_CASE(SecretsAreComparedAndWiped) {
    std::string a = "secret-1", b = "secret-1", c = "secret-2";
    BOOST_CHECK(sameBytes(a.data(), b.data(), a.size()));
    BOOST_CHECK(!sameBytes(a.data(), c.data(), a.size()));
    BOOST_CHECK(sameBytes(a.data(), c.data(), 0));
    wipe(a.data(), a.size());
    BOOST_CHECK_EQUAL(a, std::string(8, '\0'));
    std::string password = "correct horse battery staple";
    wipe(password);
    BOOST_CHECK(password.empty());
}

BOOST_AUTO_TEST_SUITE_END()
