#include "devices/card/sim/card_profile.h"

// Poco before OpenSSL: on Windows Poco brings windows.h, whose wincrypt.h defines X509_NAME as a
// macro; OpenSSL's headers undefine it when they come after.
#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <sstream>

#include "devices/card/sim/portrait.h"
#include "devices/x509/certificate_time.h"
#include "domain/certificate_rules.h"
#include "domain/date.h"

namespace madoguchi::card::sim {

namespace fs = std::filesystem;

namespace {

// OpenSSL takes file names as UTF-8 on every system (on Windows it converts them to UTF-16).
std::string utf8Name(const fs::path& path) {
    const auto name = path.u8string();
    return {reinterpret_cast<const char*>(name.data()), name.size()};
}

std::string base64(const Bytes& bytes) {
    std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), bytes.data(),
                                       static_cast<int>(bytes.size()));
    text.resize(static_cast<std::size_t>(length));
    return text;
}

Bytes unbase64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string raw((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    return Bytes(raw.begin(), raw.end());
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Problem badProfile(const std::string& why) { return {"card.sim.profile", "card profile: " + why}; }

fs::path defaultStateFile(const fs::path& profileFile) {
    auto state = profileFile;
    state += ".state";
    return state;
}

}  // namespace

Outcome<CardProfile> loadProfile(const fs::path& file) {
    if (!fs::exists(file)) return badProfile("no such file: " + file.string());
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(readText(file)).extract<Poco::JSON::Object::Ptr>();
        CardProfile profile;
        profile.personId = root->optValue<std::string>("person_id", "");
        profile.pin = root->getValue<std::string>("pin");
        profile.pinTriesMax = root->optValue<int>("pin_tries_max", 3);
        profile.privateKeyPem = root->getValue<std::string>("private_key_pem");
        profile.authCertificateDer = unbase64(root->getValue<std::string>("auth_certificate_der_base64"));
        profile.caCertificateDer = unbase64(root->optValue<std::string>("ca_certificate_der_base64", ""));
        profile.extendedLength = root->optValue<bool>("extended_length", true);
        const auto state = root->optValue<std::string>("state_file", "");
        profile.stateFile = state.empty() ? defaultStateFile(file) : fs::path(state);
        if (profile.stateFile.is_relative() && !state.empty()) profile.stateFile = file.parent_path() / profile.stateFile;
        profile.birthDate = root->optValue<std::string>("birth_date", "1980-01-01");
        profile.cardExpiryYear = root->optValue<int>("card_expiry_year", 2035);
        profile.securityCode = root->optValue<std::string>("security_code", "0000");
        profile.cardFaceTriesMax = root->optValue<int>("card_face_tries_max", 10);
        profile.portrait = unbase64(root->optValue<std::string>("portrait_jp2_base64", ""));
        if (profile.authCertificateDer.empty()) return badProfile("auth_certificate_der_base64 is empty");
        if (!Date::parseIso(profile.birthDate)) return badProfile("birth_date must be YYYY-MM-DD");
        if (profile.cardExpiryYear < 2000 || profile.cardExpiryYear > 9999) return badProfile("card_expiry_year must be a year");
        if (profile.securityCode.size() != 4 || profile.securityCode.find_first_not_of("0123456789") != std::string::npos)
            return badProfile("security_code must have 4 digits");
        if (profile.cardFaceTriesMax < 1 || profile.cardFaceTriesMax > 15) return badProfile("card_face_tries_max must be 1..15");
        if (profile.pinTriesMax < 1 || profile.pinTriesMax > 15) return badProfile("pin_tries_max must be 1..15");
        return profile;
    } catch (const Poco::Exception& error) {
        return badProfile(error.displayText());
    } catch (const std::exception& error) {
        return badProfile(error.what());
    }
}

void saveProfile(const CardProfile& profile, const fs::path& file) {
    Poco::JSON::Object root;
    root.set("person_id", profile.personId);
    root.set("pin", profile.pin);
    root.set("pin_tries_max", profile.pinTriesMax);
    root.set("private_key_pem", profile.privateKeyPem);
    root.set("auth_certificate_der_base64", base64(profile.authCertificateDer));
    root.set("ca_certificate_der_base64", base64(profile.caCertificateDer));
    root.set("extended_length", profile.extendedLength);
    root.set("birth_date", profile.birthDate);
    root.set("card_expiry_year", profile.cardExpiryYear);
    root.set("security_code", profile.securityCode);
    root.set("card_face_tries_max", profile.cardFaceTriesMax);
    root.set("portrait_jp2_base64", base64(profile.portrait));
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    root.stringify(out, 2);
    out << '\n';
}

namespace {

fs::path cardFaceStateFile(const CardProfile& profile) { return fs::path(profile.stateFile.string() + ".card-face"); }

int loadCounter(const fs::path& file, int max) {
    std::ifstream in(file);
    int tries = -1;
    if (in >> tries && tries >= 0 && tries <= max) return tries;
    return max;
}

void saveCounter(const fs::path& file, int triesLeft) {
    const auto temporary = fs::path(file.string() + ".tmp");
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << triesLeft << '\n';
    }
    fs::rename(temporary, file);  // atomic: a lock survives a crash mid-write
}

}  // namespace

std::string collationNumberB(const CardProfile& profile) {
    const auto& d = profile.birthDate;  // YYYY-MM-DD
    return d.substr(2, 2) + d.substr(5, 2) + d.substr(8, 2) + std::to_string(profile.cardExpiryYear) + profile.securityCode;
}

int loadTriesLeft(const CardProfile& profile) { return loadCounter(profile.stateFile, profile.pinTriesMax); }

void saveTriesLeft(const CardProfile& profile, int triesLeft) { saveCounter(profile.stateFile, triesLeft); }

int loadCardFaceTriesLeft(const CardProfile& profile) {
    return loadCounter(cardFaceStateFile(profile), profile.cardFaceTriesMax);
}

void saveCardFaceTriesLeft(const CardProfile& profile, int triesLeft) {
    saveCounter(cardFaceStateFile(profile), triesLeft);
}

namespace {

struct Ca {
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    ~Ca() {
        EVP_PKEY_free(key);
        X509_free(cert);
    }
};

Bytes der(X509* cert) {
    unsigned char* out = nullptr;
    const int length = i2d_X509(cert, &out);
    Bytes bytes(out, out + (length > 0 ? length : 0));
    OPENSSL_free(out);
    return bytes;
}

std::string pem(EVP_PKEY* key) {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    std::string text(data, static_cast<std::size_t>(length));
    BIO_free(bio);
    return text;
}

void addExtension(X509* certificate, X509* issuer, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
}

// certificatePolicies cannot be made from a plain string without a config database: built here.
void addPolicy(X509* certificate, const char* oid) {
    CERTIFICATEPOLICIES* policies = CERTIFICATEPOLICIES_new();
    POLICYINFO* policy = POLICYINFO_new();
    ASN1_OBJECT_free(policy->policyid);
    policy->policyid = OBJ_txt2obj(oid, 1);
    sk_POLICYINFO_push(policies, policy);
    X509_add1_ext_i2d(certificate, NID_certificate_policies, policies, 0, X509V3_ADD_DEFAULT);
    CERTIFICATEPOLICIES_free(policies);
}

// notAfter at 23:59:59 JST of the given day, notBefore five years earlier (JPKI auth certificates),
// keyUsage digitalSignature and the JPKI auth certificate policy, as a gateway requires.
X509* issue(const Ca& ca, EVP_PKEY* key, const std::string& serialDecimal, const Date& notAfter, const std::string& id) {
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    BIGNUM* serial = nullptr;
    BN_dec2bn(&serial, serialDecimal.c_str());
    BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert));
    BN_free(serial);
    ASN1_TIME_set(X509_getm_notBefore(cert), x509::epochSecondsOfJst(LocalDateTime{notAfter.plusMonths(-60), 0, 0, 0}));
    ASN1_TIME_set(X509_getm_notAfter(cert), x509::epochSecondsOfJst(LocalDateTime{notAfter, 23, 59, 59}));
    X509_set_issuer_name(cert, X509_get_subject_name(ca.cert));
    X509_NAME* subject = X509_NAME_new();
    X509_NAME_add_entry_by_txt(subject, "C", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("JP"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Madoguchi demo"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(id.c_str()), -1, -1, 0);
    X509_set_subject_name(cert, subject);
    X509_NAME_free(subject);
    X509_set_pubkey(cert, key);
    addExtension(cert, ca.cert, NID_key_usage, "critical,digitalSignature");
    addPolicy(cert, kJpkiAuthCertificatePolicy);
    X509_sign(cert, ca.key, EVP_sha256());
    return cert;
}

// A stable 4-digit code per person, so that a demo's 照合番号B does not change between runs.
std::string securityCodeFor(const std::string& id) {
    unsigned value = 7;
    for (unsigned char c : id) value = value * 31 + c;
    std::string code = std::to_string(value % 10000);
    return std::string(4 - code.size(), '0') + code;
}

}  // namespace

Outcome<int> makeProfiles(const fs::path& dataset, const fs::path& caKeyPem, const fs::path& caCertPem,
                          const fs::path& outDir, const std::string& pin) {
    Ca ca;
    {
        BIO* bio = BIO_new_file(utf8Name(caKeyPem).c_str(), "r");
        if (bio) ca.key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        bio = BIO_new_file(utf8Name(caCertPem).c_str(), "r");
        if (bio) ca.cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
    }
    if (!ca.key || !ca.cert) return badProfile("cannot read the CA key or certificate (PEM)");
    Poco::JSON::Array::Ptr people;
    try {
        Poco::JSON::Parser parser;
        auto parsed = parser.parse(readText(dataset));
        if (parsed.type() == typeid(Poco::JSON::Array::Ptr)) {
            people = parsed.extract<Poco::JSON::Array::Ptr>();
        } else {
            auto root = parsed.extract<Poco::JSON::Object::Ptr>();
            people = root->getArray(root->has("people") ? "people" : "persons");
        }
        if (!people) return badProfile("the dataset has no \"people\" array");
    } catch (const Poco::Exception& error) {
        return badProfile("dataset: " + error.displayText());
    }
    fs::create_directories(outDir);
    const Bytes caDer = der(ca.cert);
    int written = 0;
    for (std::size_t i = 0; i < people->size(); ++i) {
        auto person = people->getObject(static_cast<unsigned>(i));
        if (!person || !person->has("card_serial") || !person->has("certificate_not_after")) continue;
        const auto id = person->getValue<std::string>("id");
        const auto notAfter = Date::parseIso(person->getValue<std::string>("certificate_not_after"));
        if (!notAfter) return badProfile("bad certificate_not_after for " + id);
        EVP_PKEY* key = EVP_RSA_gen(2048);
        X509* cert = issue(ca, key, person->getValue<std::string>("card_serial"), *notAfter, id);
        CardProfile profile;
        profile.personId = id;
        profile.pin = pin;
        profile.privateKeyPem = pem(key);
        profile.authCertificateDer = der(cert);
        profile.caCertificateDer = caDer;
        profile.birthDate = person->optValue<std::string>("birth_date", "1980-01-01");
        if (!Date::parseIso(profile.birthDate)) return badProfile("bad birth_date for " + id);
        profile.cardExpiryYear = person->optValue<int>("card_expiry_year", notAfter->year() + 5);
        profile.securityCode = person->optValue<std::string>("security_code", securityCodeFor(id));
        profile.portrait = syntheticPortrait(id);
        saveProfile(profile, outDir / (id + ".json"));
        X509_free(cert);
        EVP_PKEY_free(key);
        ++written;
    }
    return written;
}

namespace {

void addExtension(X509* cert, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    X509_add_ext(cert, extension, -1);
    X509_EXTENSION_free(extension);
}

X509* selfSignedCa(EVP_PKEY* key) {
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    // Valid over every date a demo or test clock may stand on, whatever the machine's date.
    ASN1_TIME_set_string(X509_getm_notBefore(cert), "20150101000000Z");
    ASN1_TIME_set_string(X509_getm_notAfter(cert), "20491231235959Z");
    X509_NAME* name = X509_get_subject_name(cert);
    const auto add = [name](const char* field, const char* value) {
        X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC, reinterpret_cast<const unsigned char*>(value), -1, -1, 0);
    };
    add("C", "JP");
    add("O", "Madoguchi demo - NOT A REAL CA");
    add("CN", "Madoguchi Demo JPKI Auth CA (made for this demo run)");
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, key);
    addExtension(cert, NID_basic_constraints, "critical,CA:TRUE");
    addExtension(cert, NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(cert, NID_subject_key_identifier, "hash");
    X509_sign(cert, key, EVP_sha256());
    return cert;
}

}  // namespace

Outcome<bool> makeCertificateAuthority(const fs::path& keyPem, const fs::path& certPem) {
    Ca ca;
    ca.key = EVP_RSA_gen(2048);
    if (!ca.key) return badProfile("cannot generate the CA key");
    ca.cert = selfSignedCa(ca.key);
    {
        std::ofstream out(keyPem, std::ios::binary | std::ios::trunc);
        fs::permissions(keyPem, fs::perms::owner_read | fs::perms::owner_write);
        out << pem(ca.key);
        if (!out) return badProfile("cannot write " + keyPem.string());
    }
    BIO* bio = BIO_new_file(utf8Name(certPem).c_str(), "w");
    const bool written = bio && PEM_write_bio_X509(bio, ca.cert) == 1;
    BIO_free(bio);
    if (!written) return badProfile("cannot write " + certPem.string());
    return true;
}

}  // namespace madoguchi::card::sim
