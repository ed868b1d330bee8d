#pragma once
// The gateway side of the direct card check: is this the auth certificate of a genuine card
// (chain to a trusted JPKI CA with OpenSSL's X509_verify_cert), still usable (the domain's
// 3-month grace after expiry, DOMAIN.md §6), meant for authentication (keyUsage digitalSignature,
// clientAuth if the extended key usage is restricted, the JPKI auth certificate policy:
// kJpkiAuthCertificatePolicy), and did its key sign the message (PKCS#1 v1.5,
// SHA-256; the message is card_check::signedMessage, never the bare challenge)? Refusals are Problems whose codes are the card_check refusal codes.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/certificate_rules.h"
#include "domain/date.h"
#include "domain/outcome.h"

struct x509_store_st;

namespace madoguchi::gateway {

struct VerifiedCardCertificate {
    std::string serialDecimal;  // the dataset's card_serial
    std::string issuer;         // RFC 2253, e.g. "CN=Madoguchi Demo JPKI Auth CA (demo only),O=…,C=JP"
    Date notAfter;              // JST calendar date
    CertificateStanding standing;
};

class CardCertificateVerifier {
public:
    // Trusts every certificate in the PEM file (the demo CA: resources/demo/ca/demo_ca.cert.pem).
    static Outcome<CardCertificateVerifier> fromPemFile(const std::filesystem::path& caCertificates);

    // `now` is the facility's local time (JST). An expired certificate passes the chain check
    // and is then judged by the grace rule.
    Outcome<VerifiedCardCertificate> verify(const std::vector<std::uint8_t>& certificateDer,
                                            const std::vector<std::uint8_t>& signedBytes,
                                            const std::vector<std::uint8_t>& signature,
                                            const LocalDateTime& now) const;

private:
    explicit CardCertificateVerifier(std::shared_ptr<x509_store_st> store) : store_(std::move(store)) {}
    std::shared_ptr<x509_store_st> store_;  // read-only after loading: shared by server threads
};

}  // namespace madoguchi::gateway
