#pragma once
// An in-process JPKI stand-in for the gateway tests: a CA generated per run that issues card
// auth certificates, and a software "card" that signs like the real one (PKCS#1 v1.5, SHA-256).
#include <openssl/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/certificate_rules.h"
#include "domain/date.h"
#include "domain/ports/card_reader.h"

namespace madoguchi::test {

using Bytes = std::vector<std::uint8_t>;
using KeyPtr = std::shared_ptr<EVP_PKEY>;

struct IssuedCard {
    KeyPtr key;
    Bytes certificateDer;
};

class TestCa {
public:
    explicit TestCa(const std::string& commonName);
    void writeCertificatePem(const std::filesystem::path& file) const;
    // notAfter at 23:59:59 JST of that day; notBefore five years earlier. keyUsage and the policy as
    // on a JPKI auth certificate, unless told otherwise (empty: the extension is left out).
    IssuedCard issue(const std::string& serialDecimal, const Date& notAfter,
                     const std::string& keyUsage = "critical,digitalSignature",
                     const std::string& policy = kJpkiAuthCertificatePolicy, const std::string& extendedKeyUsage = "") const;
    // A TLS server certificate (serverAuth) for `subjectAltName` ("IP:127.0.0.1", "DNS:gateway.example"),
    // written with its key as PEM.
    void issueServer(const std::string& subjectAltName, const std::filesystem::path& certificateFile,
                     const std::filesystem::path& keyFile) const;

private:
    KeyPtr key_;
    std::shared_ptr<X509> certificate_;
};

Bytes signSha256(const KeyPtr& key, const Bytes& message);

// A card behind the CardReader port whose PIN is already verified.
class SoftwareCard final : public CardReader {
public:
    explicit SoftwareCard(IssuedCard card) : card_(std::move(card)) {}
    Outcome<AuthCertificateInfo> readAuthCertificate() override;
    Outcome<int> pinTriesLeft() override { return 3; }
    Outcome<PinVerification> verifyPin(SecretBuffer& pin) override {
        pin.clear();
        return PinVerification{true, 3};
    }
    Outcome<std::vector<std::uint8_t>> signWithAuthKey(const std::vector<std::uint8_t>& challenge) override;

private:
    IssuedCard card_;
};

}  // namespace madoguchi::test
