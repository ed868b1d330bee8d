#pragma once
// A virtual My Number card's profile (JSON; docs/card.md) and its persisted retry counters
// (the JPKI PIN's and the 券面事項確認AP's 照合番号B's).
#include <filesystem>
#include <string>

#include "devices/card/apdu.h"
#include "domain/outcome.h"

namespace madoguchi::card::sim {

struct CardProfile {
    std::string personId;
    std::string pin;  // demo only: a virtual card's PIN lives in its profile
    int pinTriesMax = 3;
    std::string privateKeyPem;           // RSA-2048 auth key
    Bytes authCertificateDer;            // issued by the demo CA
    Bytes caCertificateDer;              // the issuing CA (EF 000B)
    bool extendedLength = true;          // answers extended-length READ BINARY
    std::filesystem::path stateFile;     // PIN retry counter, survives restarts
    // 券面事項確認AP (demo only, like the PIN): the card-face items 照合番号B is made of, its
    // retry limit, and the portrait (JPEG 2000, synthetic).
    std::string birthDate;     // YYYY-MM-DD
    int cardExpiryYear = 0;    // the card's (not the certificate's) expiry year
    std::string securityCode;  // 4 digits, printed on the card face
    int cardFaceTriesMax = 10;
    Bytes portrait;
};

// Birth date YYMMDD + card expiry year YYYY + security code: the 14 digits the card face shows.
std::string collationNumberB(const CardProfile& profile);

Outcome<CardProfile> loadProfile(const std::filesystem::path& file);
void saveProfile(const CardProfile& profile, const std::filesystem::path& file);

// The retry counter in the state file; pinTriesMax when the file does not exist yet.
int loadTriesLeft(const CardProfile& profile);
void saveTriesLeft(const CardProfile& profile, int triesLeft);
// The same for 照合番号B (a second state file beside the PIN's: "<state>.card-face").
int loadCardFaceTriesLeft(const CardProfile& profile);
void saveCardFaceTriesLeft(const CardProfile& profile, int triesLeft);

// One profile per person of the gateway simulator's dataset (each: "id", "card_serial" decimal,
// "certificate_not_after" YYYY-MM-DD; optional "birth_date" YYYY-MM-DD, "card_expiry_year",
// "security_code"), keys generated now, certificates signed by the CA, a synthetic portrait each.
// Without them: birth date 1980-01-01, card expiry = certificate year + 5 (the card runs to the
// 10th birthday, the certificate to the 5th), security code derived from the id.
// Returns the number of profiles written, or a Problem.
Outcome<int> makeProfiles(const std::filesystem::path& dataset, const std::filesystem::path& caKeyPem,
                          const std::filesystem::path& caCertPem, const std::filesystem::path& outDir,
                          const std::string& pin);

// A fresh self-signed CA (RSA-2048, CA:TRUE, keyCertSign) written as two PEM files, the key
// 0600: the demo issues its cards with one made for the run, so no CA key is ever packaged.
Outcome<bool> makeCertificateAuthority(const std::filesystem::path& keyPem, const std::filesystem::path& certPem);

}  // namespace madoguchi::card::sim
