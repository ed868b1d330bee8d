#include "devices/gateway/card_certificate_verifier.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "devices/gateway/card_check_protocol.h"
#include "devices/x509/certificate_time.h"
#include "platform/posix_files.h"

namespace madoguchi::gateway {
namespace {

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using StoreContextPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
using DigestContextPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

Problem refusal(std::string_view code, std::string message) { return Problem{std::string(code), std::move(message)}; }

std::string serialDecimal(const X509* certificate) {
    BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    char* text = number ? BN_bn2dec(number) : nullptr;
    std::string serial = text ? text : "";
    OPENSSL_free(text);
    BN_free(number);
    return serial;
}

std::string issuerName(const X509* certificate) {
    BIO* out = BIO_new(BIO_s_mem());
    if (!out) return {};
    X509_NAME_print_ex(out, X509_get_issuer_name(certificate), 0, XN_FLAG_RFC2253);
    char* data = nullptr;
    const long length = BIO_get_mem_data(out, &data);
    std::string name(data, static_cast<std::size_t>(length > 0 ? length : 0));
    BIO_free(out);
    return name;
}

// An expired card certificate is not refused by the chain check: the grace rule decides.
int toleratingExpiredLeaf(int ok, X509_STORE_CTX* context) {
    if (!ok && X509_STORE_CTX_get_error(context) == X509_V_ERR_CERT_HAS_EXPIRED &&
        X509_STORE_CTX_get_error_depth(context) == 0)
        return 1;
    return ok;
}

Outcome<bool> chainIsTrusted(x509_store_st* store, X509* certificate, const LocalDateTime& now) {
    StoreContextPtr context(X509_STORE_CTX_new());
    if (!context || X509_STORE_CTX_init(context.get(), store, certificate, nullptr) != 1)
        return refusal(card_check::kCertificateUntrusted, "cannot set up the chain check");
    X509_STORE_CTX_set_time(context.get(), 0, x509::epochSecondsOfJst(now));
    X509_STORE_CTX_set_verify_cb(context.get(), toleratingExpiredLeaf);
    if (X509_verify_cert(context.get()) == 1) return true;
    const int error = X509_STORE_CTX_get_error(context.get());
    if (error == X509_V_ERR_CERT_NOT_YET_VALID && X509_STORE_CTX_get_error_depth(context.get()) == 0)
        return refusal(card_check::kCertificateNotYetValid, "the certificate is not valid yet");
    return refusal(card_check::kCertificateUntrusted,
                   std::string("the certificate does not chain to a trusted CA: ") + X509_verify_cert_error_string(error));
}

bool underPolicy(X509* certificate, const char* policyOid) {
    auto* policies = static_cast<CERTIFICATEPOLICIES*>(X509_get_ext_d2i(certificate, NID_certificate_policies, nullptr, nullptr));
    bool found = false;
    for (int i = 0; policies && i < sk_POLICYINFO_num(policies) && !found; ++i) {
        char oid[128];
        OBJ_obj2txt(oid, sizeof oid, sk_POLICYINFO_value(policies, i)->policyid, 1);
        found = std::string_view(oid) == policyOid;
    }
    CERTIFICATEPOLICIES_free(policies);
    return found;
}

// What a JPKI auth certificate is for: signatures (keyUsage digitalSignature), client
// authentication if the extended key usage is restricted, under the auth certificate policy.
Outcome<bool> meantForAuthentication(X509* certificate) {
    const std::uint32_t flags = X509_get_extension_flags(certificate);
    if (!(flags & EXFLAG_KUSAGE) || !(X509_get_key_usage(certificate) & KU_DIGITAL_SIGNATURE))
        return refusal(card_check::kCertificateWrongUse, "the certificate's key usage does not include digitalSignature");
    if ((flags & EXFLAG_XKUSAGE) && !(X509_get_extended_key_usage(certificate) & (XKU_SSL_CLIENT | XKU_ANYEKU)))
        return refusal(card_check::kCertificateWrongUse, "the certificate's extended key usage excludes clientAuth");
    if (!underPolicy(certificate, kJpkiAuthCertificatePolicy))
        return refusal(card_check::kCertificateWrongUse,
                       std::string("the certificate is not under the auth certificate policy ") + kJpkiAuthCertificatePolicy);
    return true;
}

bool signatureMatches(X509* certificate, const std::vector<std::uint8_t>& challenge,
                      const std::vector<std::uint8_t>& signature) {
    EVP_PKEY* key = X509_get0_pubkey(certificate);
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) return false;
    DigestContextPtr context(EVP_MD_CTX_new());
    return context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
           EVP_DigestVerify(context.get(), signature.data(), signature.size(), challenge.data(), challenge.size()) == 1;
}

}  // namespace

Outcome<CardCertificateVerifier> CardCertificateVerifier::fromPemFile(const std::filesystem::path& caCertificates) {
    std::shared_ptr<X509_STORE> store(X509_STORE_new(), X509_STORE_free);
    FILE* file = ::fopen(caCertificates.c_str(), "r");
    if (!file) return Problem{"cardcheck.no_ca", "cannot read the CA certificates " + caCertificates.string()};
    int loaded = 0;
    while (X509* certificate = PEM_read_X509(file, nullptr, nullptr, nullptr)) {
        loaded += X509_STORE_add_cert(store.get(), certificate) == 1 ? 1 : 0;
        X509_free(certificate);
    }
    std::fclose(file);
    if (loaded == 0) return Problem{"cardcheck.no_ca", "no PEM certificate in " + caCertificates.string()};
    return CardCertificateVerifier(std::move(store));
}

Outcome<VerifiedCardCertificate> CardCertificateVerifier::verify(const std::vector<std::uint8_t>& certificateDer,
                                                                 const std::vector<std::uint8_t>& signedBytes,
                                                                 const std::vector<std::uint8_t>& signature,
                                                                 const LocalDateTime& now) const {
    const unsigned char* cursor = certificateDer.data();
    X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(certificateDer.size())));
    if (!certificate || cursor != certificateDer.data() + certificateDer.size())
        return refusal(card_check::kCertificateUnreadable, "the certificate is not one DER X.509 certificate");
    auto trusted = chainIsTrusted(store_.get(), certificate.get(), now);
    if (!trusted) return trusted.problem();
    auto meant = meantForAuthentication(certificate.get());
    if (!meant) return meant.problem();
    if (!signatureMatches(certificate.get(), signedBytes, signature))
        return refusal(card_check::kBadSignature, "the signature does not match the challenge and the certificate");
    auto notAfter = x509::jstDate(X509_get0_notAfter(certificate.get()));
    if (!notAfter) return refusal(card_check::kCertificateUnreadable, "the certificate has no readable notAfter");
    const auto standing = certificateStandingOn(*notAfter, now.date);
    if (!certificateUsableForEligibility(standing))
        return refusal(card_check::kCertificateExpired,
                       "the certificate expired on " + notAfter->iso() + ", more than 3 months ago");
    return VerifiedCardCertificate{serialDecimal(certificate.get()), issuerName(certificate.get()), *notAfter, standing};
}

}  // namespace madoguchi::gateway
