#include "devices/gateway/card_check_service.h"

#include <openssl/rand.h>

#include <stdexcept>

#include "devices/gateway/card_check_protocol.h"
#include "devices/gateway/message_xml.h"

namespace madoguchi::gateway {

CardCheckService::CardCheckService(const DemoDataset& dataset, CodeTables codes, CardCertificateVerifier verifier,
                                   const Clock& clock, std::chrono::milliseconds challengeLifetime)
    : dataset_(dataset),
      codes_(std::move(codes)),
      verifier_(std::move(verifier)),
      clock_(clock),
      challengeLifetime_(challengeLifetime) {}

std::vector<std::uint8_t> CardCheckService::issueChallenge() {
    std::vector<std::uint8_t> nonce(card_check::kChallengeBytes);
    if (RAND_bytes(nonce.data(), static_cast<int>(nonce.size())) != 1)
        throw std::runtime_error("no random bytes for a card-check challenge");
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    for (auto entry = outstanding_.begin(); entry != outstanding_.end();) {
        auto next = std::next(entry);
        if (entry->second.expiry < now) forget(entry);
        entry = next;
    }
    if (outstanding_.size() >= kMaxOutstandingChallenges) forget(outstanding_.find(issueOrder_.begin()->second));
    const std::uint64_t sequence = nextSequence_++;
    outstanding_[nonce] = Outstanding{now + challengeLifetime_, sequence};
    issueOrder_[sequence] = nonce;
    return nonce;
}

void CardCheckService::forget(std::map<std::vector<std::uint8_t>, Outstanding>::iterator entry) {
    issueOrder_.erase(entry->second.sequence);
    outstanding_.erase(entry);
}

Outcome<bool> CardCheckService::takeChallenge(const std::vector<std::uint8_t>& challenge) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    auto found = outstanding_.find(challenge);
    if (found == outstanding_.end())
        return Problem{std::string(card_check::kChallengeUnknown), "the challenge was never issued or was already used"};
    const bool expired = found->second.expiry < now;
    forget(found);  // single use, whatever the outcome
    if (expired) return Problem{std::string(card_check::kChallengeExpired), "the challenge has expired"};
    return true;
}

Outcome<CardCheckReply> CardCheckService::check(const CardCheckRequest& request, std::string_view gatewayIdentity) {
    auto fresh = takeChallenge(request.challenge);
    if (!fresh) return fresh.problem();
    auto verified = verifier_.verify(request.certificateDer, card_check::signedMessage(gatewayIdentity, request.challenge),
                                     request.signature, clock_.now());
    if (!verified) return verified.problem();
    const auto& serial = verified.value().serialDecimal;
    if (dataset_.isRevoked(verified.value().issuer, serial))
        return Problem{std::string(card_check::kCertificateRevoked), "the certificate with serial " + serial + " is revoked"};
    return answerForSerial(serial);
}

CardCheckReply CardCheckService::answerForSerial(const std::string& cardSerial) const {
    const std::string executionTime = clock_.now().compact();
    const DemoPerson* person = dataset_.byCardSerial(cardSerial);
    if (!person) {
        EligibilityResult result = noMatchAnswer(executionTime, dataset_.medicalInstitutionCode(), codes_);
        result.referenceClassification = CodedValue{"1", codes_.label("OQSCD002", "1").value_or(""), true};
        return {resultXml(result), "", std::chrono::milliseconds(0)};
    }
    const int latency = std::max(person->fault.latencyMs, dataset_.globalFault().latencyMs);
    return {resultXml(answerFor(*person, executionTime, true)), person->id, std::chrono::milliseconds(latency)};
}

}  // namespace madoguchi::gateway
