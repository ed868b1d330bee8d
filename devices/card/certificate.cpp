#include "devices/card/certificate.h"

#include "devices/x509/certificate_time.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <memory>

namespace madoguchi::card {

namespace {

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

Problem unreadableCertificate() {
    return {"card.certificate_unreadable", N_("The certificate on the card could not be read. Place the card again.")};
}

std::string nameText(const X509_NAME* name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

std::string serialHex(const X509* certificate) {
    BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    char* hex = BN_bn2hex(number);
    std::string text = hex ? hex : "";
    OPENSSL_free(hex);
    BN_free(number);
    return text;
}

}  // namespace

Outcome<AuthCertificateInfo> parseAuthCertificate(const Bytes& der) {
    const unsigned char* cursor = der.data();
    X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    if (!certificate) return unreadableCertificate();
    auto notBefore = x509::jstDate(X509_get0_notBefore(certificate.get()));
    auto notAfter = x509::jstDate(X509_get0_notAfter(certificate.get()));
    if (!notBefore || !notAfter) return unreadableCertificate();
    return AuthCertificateInfo{der,
                               serialHex(certificate.get()),
                               nameText(X509_get_issuer_name(certificate.get())),
                               nameText(X509_get_subject_name(certificate.get())),
                               *notBefore,
                               *notAfter};
}

std::size_t derTotalLength(const Bytes& header) {
    if (header.size() < 2) return 0;
    const std::uint8_t first = header[1];
    if (first < 0x80) return 2 + first;
    const std::size_t count = first & 0x7F;
    if (count == 0 || count > 3 || header.size() < 2 + count) return 0;
    std::size_t length = 0;
    for (std::size_t i = 0; i < count; ++i) length = (length << 8) | header[2 + i];
    return 2 + count + length;
}

Bytes sha256DigestInfo(const Bytes& message) {
    Bytes info{0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
               0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
    std::uint8_t digest[SHA256_DIGEST_LENGTH];
    SHA256(message.data(), message.size(), digest);
    info.insert(info.end(), digest, digest + sizeof(digest));
    return info;
}

}  // namespace madoguchi::card
