#include "test_pki.h"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>

#include "devices/x509/certificate_time.h"
#include <stdexcept>

namespace madoguchi::test {

namespace {
// A PEM file for OpenSSL to write; the path reaches Windows as UTF-16 (it may hold Japanese).
FILE* openForWriting(const std::filesystem::path& file) {
#ifdef _WIN32
    return ::_wfopen(file.c_str(), L"wb");
#else
    return std::fopen(file.c_str(), "w");
#endif
}
}  // namespace
namespace {

KeyPtr newKey() { return KeyPtr(EVP_RSA_gen(2048), EVP_PKEY_free); }

void addName(X509_NAME* name, const char* field, const std::string& value) {
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0);
}

void addExtension(X509* certificate, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
}

void addPolicy(X509* certificate, const std::string& oid) {  // certificatePolicies needs no config this way
    CERTIFICATEPOLICIES* policies = CERTIFICATEPOLICIES_new();
    POLICYINFO* policy = POLICYINFO_new();
    ASN1_OBJECT_free(policy->policyid);
    policy->policyid = OBJ_txt2obj(oid.c_str(), 1);
    sk_POLICYINFO_push(policies, policy);
    X509_add1_ext_i2d(certificate, NID_certificate_policies, policies, 0, X509V3_ADD_DEFAULT);
    CERTIFICATEPOLICIES_free(policies);
}

time_t jstEndOfDay(const Date& date) { return x509::epochSecondsOfJst(LocalDateTime{date, 23, 59, 59}); }

}  // namespace

TestCa::TestCa(const std::string& commonName) : key_(newKey()), certificate_(X509_new(), X509_free) {
    X509* cert = certificate_.get();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    ASN1_TIME_set(X509_getm_notBefore(cert), jstEndOfDay(*Date::parseIso("2015-01-01")));
    ASN1_TIME_set(X509_getm_notAfter(cert), jstEndOfDay(*Date::parseIso("2045-12-31")));
    addName(X509_get_subject_name(cert), "CN", commonName);
    X509_set_issuer_name(cert, X509_get_subject_name(cert));
    X509_set_pubkey(cert, key_.get());
    addExtension(cert, NID_basic_constraints, "critical,CA:TRUE");
    addExtension(cert, NID_key_usage, "critical,keyCertSign,cRLSign");
    X509_sign(cert, key_.get(), EVP_sha256());
}

void TestCa::writeCertificatePem(const std::filesystem::path& file) const {
    FILE* out = openForWriting(file);
    if (!out) throw std::runtime_error("cannot write " + file.string());
    PEM_write_X509(out, certificate_.get());
    std::fclose(out);
}

IssuedCard TestCa::issue(const std::string& serialDecimal, const Date& notAfter, const std::string& keyUsage,
                         const std::string& policy, const std::string& extendedKeyUsage) const {
    IssuedCard card{newKey(), {}};
    std::shared_ptr<X509> certificate(X509_new(), X509_free);
    X509* cert = certificate.get();
    X509_set_version(cert, 2);
    BIGNUM* serial = nullptr;
    BN_dec2bn(&serial, serialDecimal.c_str());
    BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert));
    BN_free(serial);
    ASN1_TIME_set(X509_getm_notBefore(cert), jstEndOfDay(notAfter.plusMonths(-60)) - 86399);
    ASN1_TIME_set(X509_getm_notAfter(cert), jstEndOfDay(notAfter));
    X509_set_issuer_name(cert, X509_get_subject_name(certificate_.get()));
    addName(X509_get_subject_name(cert), "CN", "card " + serialDecimal);
    X509_set_pubkey(cert, card.key.get());
    if (!keyUsage.empty()) addExtension(cert, NID_key_usage, keyUsage.c_str());
    if (!policy.empty()) addPolicy(cert, policy);
    if (!extendedKeyUsage.empty()) addExtension(cert, NID_ext_key_usage, extendedKeyUsage.c_str());
    X509_sign(cert, key_.get(), EVP_sha256());
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    card.certificateDer.assign(der, der + length);
    OPENSSL_free(der);
    return card;
}

void TestCa::issueServer(const std::string& subjectAltName, const std::filesystem::path& certificateFile,
                         const std::filesystem::path& keyFile) const {
    KeyPtr key = newKey();
    std::shared_ptr<X509> certificate(X509_new(), X509_free);
    X509* cert = certificate.get();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 4096);
    ASN1_TIME_set(X509_getm_notBefore(cert), jstEndOfDay(*Date::parseIso("2015-01-01")));
    ASN1_TIME_set(X509_getm_notAfter(cert), jstEndOfDay(*Date::parseIso("2045-12-30")));
    X509_set_issuer_name(cert, X509_get_subject_name(certificate_.get()));
    addName(X509_get_subject_name(cert), "CN", "test gateway");
    X509_set_pubkey(cert, key.get());
    addExtension(cert, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert, NID_key_usage, "critical,digitalSignature,keyEncipherment");
    addExtension(cert, NID_ext_key_usage, "serverAuth");
    addExtension(cert, NID_subject_alt_name, subjectAltName.c_str());
    X509_sign(cert, key_.get(), EVP_sha256());
    FILE* out = openForWriting(certificateFile);
    if (!out) throw std::runtime_error("cannot write " + certificateFile.string());
    PEM_write_X509(out, cert);
    std::fclose(out);
    out = openForWriting(keyFile);
    if (!out) throw std::runtime_error("cannot write " + keyFile.string());
    PEM_write_PrivateKey(out, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(out);
}

Bytes signSha256(const KeyPtr& key, const Bytes& message) {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    std::size_t length = 0;
    EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key.get());
    EVP_DigestSign(context, nullptr, &length, message.data(), message.size());
    Bytes signature(length);
    EVP_DigestSign(context, signature.data(), &length, message.data(), message.size());
    EVP_MD_CTX_free(context);
    signature.resize(length);
    return signature;
}

Outcome<AuthCertificateInfo> SoftwareCard::readAuthCertificate() {
    const Date unknown = *Date::parseIso("2000-01-01");  // the gateway reads the dates from the DER itself
    return AuthCertificateInfo{card_.certificateDer, "", "", "", unknown, unknown};
}

Outcome<std::vector<std::uint8_t>> SoftwareCard::signWithAuthKey(const std::vector<std::uint8_t>& challenge) {
    return signSha256(card_.key, challenge);
}

}  // namespace madoguchi::test
