#pragma once
// The gateway simulator's direct card check, independent of HTTP: single-use challenges with a
// short lifetime, the certificate and signature check, the revocation list, and the answer for
// the person whose card it is — the same result XML as the folder exchange, with
// ReferenceClassification 1 (マイナンバーカード). Thread-safe: the HTTP server calls it from
// several threads.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "devices/gateway/card_certificate_verifier.h"
#include "devices/gateway/demo_dataset.h"
#include "domain/ports/clock.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

struct CardCheckRequest {
    std::vector<std::uint8_t> challenge, signature, certificateDer;
};

struct CardCheckReply {
    std::string resultXml;
    std::string personId;               // empty when the certificate belongs to nobody in the dataset
    std::chrono::milliseconds delay{0};  // the person's simulated latency, applied by the transport
};

class CardCheckService {
public:
    static constexpr std::size_t kMaxOutstandingChallenges = 1024;

    CardCheckService(const DemoDataset& dataset, CodeTables codes, CardCertificateVerifier verifier,
                     const Clock& clock, std::chrono::milliseconds challengeLifetime = std::chrono::seconds(30));

    // A fresh random nonce, valid once, for challengeLifetime().
    std::vector<std::uint8_t> issueChallenge();
    std::chrono::milliseconds challengeLifetime() const { return challengeLifetime_; }

    // Refusals carry the card_check refusal codes. A genuine card that maps to nobody is answered
    // with validity 4 (該当資格なし), as a 照会 for unknown numbers is. The signature must be over
    // card_check::signedMessage(gatewayIdentity, challenge): the identity the transport serves
    // under (its TLS certificate's hash).
    Outcome<CardCheckReply> check(const CardCheckRequest& request, std::string_view gatewayIdentity);

private:
    struct Outstanding {
        std::chrono::steady_clock::time_point expiry;
        std::uint64_t sequence;  // issue order: the oldest goes first when the table is full
    };
    Outcome<bool> takeChallenge(const std::vector<std::uint8_t>& challenge);
    void forget(std::map<std::vector<std::uint8_t>, Outstanding>::iterator entry);  // with mutex_ held
    CardCheckReply answerForSerial(const std::string& cardSerial) const;

    const DemoDataset& dataset_;
    CodeTables codes_;
    CardCertificateVerifier verifier_;
    const Clock& clock_;
    std::chrono::milliseconds challengeLifetime_;
    std::mutex mutex_;
    std::map<std::vector<std::uint8_t>, Outstanding> outstanding_;   // nonce → expiry, issue order
    std::map<std::uint64_t, std::vector<std::uint8_t>> issueOrder_;  // sequence → nonce
    std::uint64_t nextSequence_ = 0;
};

}  // namespace madoguchi::gateway
