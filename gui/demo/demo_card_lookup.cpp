#include "gui/demo/demo_card_lookup.h"

#include "gui/app/background_work.h"

namespace madoguchi::gui {
namespace {

std::string decimalFromHex(const std::string& hex) {
    try {
        return std::to_string(std::stoull(hex, nullptr, 16));
    } catch (const std::exception&) {
        return {};
    }
}

GatewayAnswer failed(std::string why) {
    GatewayAnswer answer;
    answer.kind = GatewayAnswer::Kind::Failed;
    answer.failure = std::move(why);
    return answer;
}

}  // namespace

FolderCardLookup::FolderCardLookup(gateway::FolderEligibilityGateway& gateway, const gateway::DemoDataset& dataset,
                                   const Clock& clock, std::chrono::milliseconds timeout, LateAnswerSink lateAnswers)
    : gateway_(gateway), dataset_(dataset), clock_(clock), timeout_(timeout), lateAnswers_(std::move(lateAnswers)) {}

GatewayAnswer FolderCardLookup::lookup(CardReader&, const AuthCertificateInfo& certificate,
                                       std::stop_token stop) {
    const gateway::DemoPerson* person = dataset_.byCardSerial(decimalFromHex(certificate.serialHex));
    if (!person) return failed("The demo does not know this card.");
    const QualificationRecord& q = person->record();
    auto birth = q.birthDate();
    if (!birth) return failed("The demo person has no birth date.");
    NumberQuery query{{q.insurerNumber, {q.insuredCardSymbol, q.insuredIdentificationNumber, q.insuredBranchNumber}},
                      *birth, clock_.now().date, false, {}};
    std::lock_guard waiting(waiting_);
    GatewayAnswer first = gateway_.query(query, std::chrono::milliseconds(0));  // writes req/, never resent
    if (first.kind != GatewayAnswer::Kind::Pending) return first;
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!waitUnlessStopped(stop, std::chrono::milliseconds(50))) break;
        for (auto& answer : gateway_.collectLateAnswers()) {
            if (answer.requestId == first.requestId) return answer;
            if (lateAnswers_) lateAnswers_(answer);
        }
    }
    return first;  // Pending, with its request id: the late answer is attached to the visit
}

void FolderCardLookup::collectLateAnswers() {
    std::unique_lock waiting(waiting_, std::try_to_lock);
    if (!waiting.owns_lock()) return;
    for (auto& answer : gateway_.collectLateAnswers())
        if (lateAnswers_) lateAnswers_(answer);
}

}  // namespace madoguchi::gui
