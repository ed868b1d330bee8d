// The audit chain's SHA-256 and HMAC-SHA256 (storage/sha256.h) against the published test vectors
// (FIPS 180-2, RFC 4231) and against OpenSSL's own EVP HMAC for keys of every length around the
// block size.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "storage/audit_key.h"
#include "storage/sha256.h"

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

BOOST_AUTO_TEST_SUITE(Sha256)

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

BOOST_AUTO_TEST_SUITE_END()
