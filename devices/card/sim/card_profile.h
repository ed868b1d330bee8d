#pragma once
// A virtual My Number card's profile (JSON; docs/card.md) and its persisted PIN counter.
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
};

Outcome<CardProfile> loadProfile(const std::filesystem::path& file);
void saveProfile(const CardProfile& profile, const std::filesystem::path& file);

// The retry counter in the state file; pinTriesMax when the file does not exist yet.
int loadTriesLeft(const CardProfile& profile);
void saveTriesLeft(const CardProfile& profile, int triesLeft);

// One profile per person of the gateway simulator's dataset (each: "id", "card_serial" decimal,
// "certificate_not_after" YYYY-MM-DD), keys generated now, certificates signed by the CA.
// Returns the number of profiles written, or a Problem.
Outcome<int> makeProfiles(const std::filesystem::path& dataset, const std::filesystem::path& caKeyPem,
                          const std::filesystem::path& caCertPem, const std::filesystem::path& outDir,
                          const std::string& pin);

}  // namespace madoguchi::card::sim
