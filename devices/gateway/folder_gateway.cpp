#include "devices/gateway/folder_gateway.h"

#include <algorithm>
#include <thread>

#include "devices/gateway/folder_events.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"
#include "devices/gateway/terminal_rejection.h"

namespace madoguchi::gateway {
namespace {

constexpr std::string_view kRequestPrefix = "OQSsiquc01req_";

GatewayAnswer failed(const std::string& requestName, std::string why) {
    GatewayAnswer answer;
    answer.kind = GatewayAnswer::Kind::Failed;
    answer.requestId = requestName;
    answer.failure = std::move(why);
    return answer;
}

}  // namespace

FolderEligibilityGateway::FolderEligibilityGateway(FolderLayout layout, std::string medicalInstitutionCode,
                                                   CodeTables codes, const Clock& clock, RequestEncoding encoding)
    : layout_(std::move(layout)), medicalInstitutionCode_(std::move(medicalInstitutionCode)),
      codes_(std::move(codes)), clock_(clock), encoding_(encoding), counter_(layout_.state()) {}

Outcome<std::string> FolderEligibilityGateway::writeRequest(const NumberQuery& query) {
    PrologEncoding encoding = encodingFor(encoding_, layout_);
    if (encoding == PrologEncoding::ShiftJis)
        if (auto problem = cp932ProblemIn(searchInfoOf(query))) return *problem;
    auto placed = placeRequest(
        layout_, counter_, kRequestPrefix, clock_.now().date.compact(), encoding,
        [&](const std::string& identifier) { return singleQueryRequestXml(query, medicalInstitutionCode_, identifier); },
        [this](const std::string& name) { return pending_.count(name) > 0; });
    if (!placed) return placed.problem();
    pending_[placed.value().name] = placed.value().fileIdentifier;
    return placed.value().name;
}

GatewayAnswer FolderEligibilityGateway::query(const NumberQuery& query, std::chrono::milliseconds timeout) {
    // Watched before the request is written, so the answer's arrival cannot be missed.
    FolderEvents events({layout_.res()}, layout_.watch);
    std::string requestName;
    {
        std::lock_guard lock(mutex_);
        auto written = writeRequest(query);
        if (!written) return failed("", written.problem().message);
        requestName = written.value();
    }
    const auto answerPath = layout_.res() / answerNameFor(requestName);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool closed = false;  // the answer was just reported closed after writing, or moved in
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (auto answer = answerIfPresent(requestName, closed)) return *answer;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        // A rejection file or an answer on a share without events is found by looking again.
        const auto wait = std::min(left, std::chrono::milliseconds(50));
        if (!events.eventsArrive()) {
            std::this_thread::sleep_for(wait);
            continue;
        }
        const auto completed = events.completedFiles(wait);
        closed = std::find(completed.begin(), completed.end(), answerPath) != completed.end();
    }
    GatewayAnswer pending;  // never resent: the late answer is attached by collectLateAnswers()
    pending.kind = GatewayAnswer::Kind::Pending;
    pending.requestId = requestName;
    return pending;
}

std::optional<std::string> FolderEligibilityGateway::echoProblem(const std::string& requestName,
                                                                 const EligibilityResult& result) const {
    if (result.medicalInstitutionCode != medicalInstitutionCode_)
        return "MedicalInstitutionCode " + result.medicalInstitutionCode.substr(0, 20) + " is not ours";
    const std::string& sent = pending_.at(requestName);
    bool echoed = sent.empty() ? result.arbitraryFileIdentifier.starts_with("MDG" + requestStem(requestName) + "-")
                               : result.arbitraryFileIdentifier == sent;
    if (!echoed) return "ArbitraryFileIdentifier " + result.arbitraryFileIdentifier.substr(0, 50) + " is not the request's";
    return std::nullopt;
}

std::optional<GatewayAnswer> FolderEligibilityGateway::answerIfPresent(const std::string& requestName, bool closed) {
    if (auto rejection = findRejection(layout_, requestName)) {
        pending_.erase(requestName);
        return failed(requestName, std::string(N_("The terminal rejected the request:")) + " " +
                                       (rejection->reason.empty() ? std::string(N_("no reason given")) : rejection->reason));
    }
    std::string answerName = answerNameFor(requestName);
    std::filesystem::path path = layout_.res() / answerName;
    // Closed after writing: one read; otherwise until two reads 40 ms apart agree.
    auto content = closed ? readRegularFile(path, StableReadLimits{}.maxBytes) : readStableFile(path);
    if (!content) return std::nullopt;
    auto result = *content ? parseResultXml(content->value(), codes_) : Outcome<EligibilityResult>(content->problem());
    // A writer that pauses between pieces can fool two equal reads: an unreadable answer is
    // taken as still being written until it has been left alone for a while.
    if (!result && *content && modifiedRecently(path)) return std::nullopt;
    if (result)
        if (auto problem = echoProblem(requestName, result.value())) {
            logRefusedAnswer(layout_, clock_, answerName, *problem);
            pending_.erase(requestName);
            return failed(requestName, std::string(N_("The answer does not belong to this request:")) + " " + *problem);
        }
    pending_.erase(requestName);
    if (!result) return failed(requestName, result.problem().message);
    GatewayAnswer answer;
    answer.kind = GatewayAnswer::Kind::Answered;
    answer.result = std::move(result).value();
    answer.rawXml = content->value();
    answer.requestId = requestName;
    return answer;
}

std::vector<GatewayAnswer> FolderEligibilityGateway::collectLateAnswers() {
    std::lock_guard lock(mutex_);
    std::vector<GatewayAnswer> answers;
    for (const auto& name : pendingNames())
        if (auto answer = answerIfPresent(name)) answers.push_back(std::move(*answer));
    return answers;
}

void FolderEligibilityGateway::addPending(const std::string& requestName, const std::string& fileIdentifier) {
    std::lock_guard lock(mutex_);
    pending_[requestName] = fileIdentifier;
}

std::set<std::string> FolderEligibilityGateway::pending() const {
    std::lock_guard lock(mutex_);
    return pendingNames();
}

std::set<std::string> FolderEligibilityGateway::pendingNames() const {
    std::set<std::string> names;
    for (const auto& [name, identifier] : pending_) names.insert(name);
    return names;
}

}  // namespace madoguchi::gateway
