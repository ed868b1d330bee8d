#include "devices/gateway/folder_bulk_check.h"

#include <algorithm>
#include <thread>

#include "devices/gateway/bulk_answer.h"
#include "devices/gateway/folder_events.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/request_placement.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"
#include "devices/gateway/terminal_rejection.h"
#include "devices/gateway/zip_entries.h"

namespace madoguchi::gateway {
namespace {

constexpr std::string_view kUploadPrefix = "OQSmuquc01req_";
constexpr std::string_view kDownloadPrefix = "OQSmuquc02req_";
constexpr auto kPoll = std::chrono::milliseconds(50);

// The terminal's own error in a result's header or status, or "" when it reports none.
std::string terminalError(const EligibilityResult& status) {
    if (status.segmentOfResult.raw == "9" || status.processingResultStatus.raw == "2") {
        std::string text = !status.errorMessage.empty() ? status.errorMessage : status.processingResultMessage;
        std::string code = !status.errorCode.empty() ? status.errorCode : status.processingResultCode;
        return (code.empty() ? "" : code + " ") + (text.empty() ? std::string("(no message)") : text);
    }
    return {};
}

}  // namespace

BulkCheckAnswer bulkCheckAnswerOf(BulkResult&& result, const std::string& receptionNumber,
                                  const std::string& answerFile) {
    BulkCheckAnswer answer{receptionNumber, answerFile, {}};
    answer.people.reserve(result.units.size());
    for (auto& unit : result.units) {
        SearchInfo& searched = unit.searched;
        std::string evidence = resultXml(unit.result);
        answer.people.push_back(BulkPersonAnswer{
            std::move(searched.arbitraryIdentifier),
            {std::move(searched.insurerNumber),
             {std::move(searched.insuredCardSymbol), std::move(searched.insuredIdentificationNumber),
              std::move(searched.insuredBranchNumber)}},
            std::move(searched.birthdate),
            std::move(unit.result),
            std::move(evidence)});
    }
    return answer;
}

struct FolderBulkQueryClient::AnswerFile {
    std::string name;   // the file in res/ (.xml or .zip)
    std::string bytes;
};

FolderBulkQueryClient::FolderBulkQueryClient(FolderLayout layout, std::string medicalInstitutionCode, CodeTables codes,
                                             const Clock& clock, RequestEncoding encoding, BulkPolicy policy,
                                             std::stop_token stop)
    : layout_(std::move(layout)), medicalInstitutionCode_(std::move(medicalInstitutionCode)), codes_(std::move(codes)),
      clock_(clock), encoding_(encoding), policy_(policy), stop_(std::move(stop)), counter_(layout_.state()) {}

Outcome<BulkCheckAnswer> FolderBulkQueryClient::check(const std::vector<NumberQuery>& queries) {
    auto reception = upload(queries);
    if (!reception) return reception.problem();
    return download(reception.value());
}

Outcome<FolderBulkQueryClient::AnswerFile> FolderBulkQueryClient::awaitAnswer(const std::string& requestName) {
    const std::string answerName = answerNameFor(requestName);
    const std::string zipName = std::filesystem::path(answerName).replace_extension(".zip").string();
    auto deadline = std::chrono::steady_clock::now() + policy_.answerTimeout;
    // res/ through its events where they arrive: an answer closed after writing or moved in is
    // read once, at once; a file found by looking (before the first event, or on a share without
    // events) is read until two reads agree. A rejection (.err) is found by looking every kPoll.
    FolderEvents events({layout_.res()}, layout_.watch);
    std::vector<std::filesystem::path> completed;
    const StableReadLimits limits{.maxBytes = kBulkMessageLimits.maxBytes};
    while (!stopped()) {
        if (auto rejection = findRejection(layout_, requestName))
            return Problem{"gateway.rejected", std::string(N_("The terminal rejected the request:")) + " " +
                                                   (rejection->reason.empty() ? std::string(N_("no reason given"))
                                                                              : rejection->reason)};
        for (const auto& name : {answerName, zipName}) {
            const auto path = layout_.res() / name;
            const bool closed = std::find(completed.begin(), completed.end(), path) != completed.end();
            if (auto content = closed ? readRegularFile(path, limits.maxBytes) : readStableFile(path, limits)) {
                if (!*content) return content->problem();
                return AnswerFile{name, std::move(*content).value()};
            }
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return Problem{"gateway.no_answer", "no answer to " + requestName + " yet (the request stays; never resent)"};
        if (events.eventsArrive()) completed = events.completedFiles(kPoll);
        else std::this_thread::sleep_for(kPoll);
    }
    return Problem{"gateway.stopped", "the bulk re-check was stopped"};
}

std::optional<Problem> FolderBulkQueryClient::refusal(const std::string& answerName, const EligibilityResult& header,
                                                      const std::string& element, const std::string& expected,
                                                      const std::string& got) {
    std::string why;
    if (header.medicalInstitutionCode != medicalInstitutionCode_)
        why = "MedicalInstitutionCode " + header.medicalInstitutionCode.substr(0, 20) + " is not ours";
    else if (got != expected)
        why = element + " " + got.substr(0, 50) + " is not the request's";
    if (why.empty()) return std::nullopt;
    logRefusedAnswer(layout_, clock_, answerName, why);
    return Problem{"gateway.not_ours", std::string(N_("The answer does not belong to this request:")) + " " + why};
}

Outcome<std::string> FolderBulkQueryClient::upload(const std::vector<NumberQuery>& queries) {
    if (queries.empty()) return Problem{"gateway.bulk_empty", "a bulk 照会 needs at least one person"};
    if (queries.size() > kMaxBulkPeople)
        return Problem{"gateway.bulk_too_many", std::string(N_("Too many people for one bulk check; nothing was sent:")) +
                                                    " " + std::to_string(queries.size()) + " > " +
                                                    std::to_string(kMaxBulkPeople)};
    QueryRequest request{queries.front().confirmationDate.compact(), medicalInstitutionCode_, "", {}, {}};
    for (const auto& query : queries) request.people.push_back(searchInfoOf(query));
    PrologEncoding encoding = encodingFor(encoding_, layout_);
    if (encoding == PrologEncoding::ShiftJis)
        for (const auto& person : request.people)
            if (auto problem = cp932ProblemIn(person)) return *problem;
    auto placed = placeRequest(layout_, counter_, kUploadPrefix, clock_.now().date.compact(), encoding,
                               [&](const std::string& identifier) {
                                   request.arbitraryFileIdentifier = identifier;
                                   return queryRequestXml(request);
                               });
    if (!placed) return placed.problem();
    for (;;) {
        auto answer = awaitAnswer(placed.value().name);
        if (!answer) return answer.problem();
        auto uploaded = parseBulkUploadResult(answer.value().bytes, codes_);
        if (!uploaded && modifiedRecently(layout_.res() / answer.value().name)) {  // still being written
            std::this_thread::sleep_for(kPoll);
            continue;
        }
        if (!uploaded) return uploaded.problem();
        const BulkUploadResult& result = uploaded.value();
        if (auto refused = refusal(answer.value().name, result.status, "ArbitraryFileIdentifier",
                                   placed.value().fileIdentifier, result.status.arbitraryFileIdentifier))
            return *refused;
        if (auto error = terminalError(result.status); !error.empty())
            return Problem{"gateway.bulk_refused", std::string(N_("The terminal refused the bulk job:")) + " " + error};
        if (result.receptionNumber.empty())
            return Problem{"gateway.malformed", answer.value().name + " gives no ReceptionNumber"};
        return result.receptionNumber;
    }
}

Outcome<std::optional<BulkCheckAnswer>> FolderBulkQueryClient::askOnce(const std::string& receptionNumber) {
    BulkDownloadRequest request{medicalInstitutionCode_, receptionNumber, {}};
    auto placed = placeRequest(layout_, counter_, kDownloadPrefix, clock_.now().date.compact(), encodingFor(encoding_, layout_),
                               [&](const std::string&) { return bulkDownloadRequestXml(request); });
    if (!placed) return placed.problem();
    for (;;) {
        auto answer = awaitAnswer(placed.value().name);
        if (!answer) return answer.problem();
        auto bulk = parseBulkAnswer(answer.value().bytes, codes_);
        if (!bulk && modifiedRecently(layout_.res() / answer.value().name)) {
            std::this_thread::sleep_for(kPoll);
            continue;
        }
        if (!bulk) return bulk.problem();
        const BulkResult& result = bulk.value();
        if (auto refused = refusal(answer.value().name, result.header, "ReceptionNumber", receptionNumber,
                                   result.receptionNumber))
            return *refused;
        if (auto error = terminalError(result.header); !error.empty())
            return Problem{"gateway.bulk_refused", std::string(N_("The terminal refused the bulk job:")) + " " + error};
        if (result.header.segmentOfResult.raw == "2") return std::optional<BulkCheckAnswer>{};
        return std::optional<BulkCheckAnswer>{
            bulkCheckAnswerOf(std::move(bulk).value(), receptionNumber, answer.value().name)};
    }
}

Outcome<BulkCheckAnswer> FolderBulkQueryClient::download(const std::string& receptionNumber) {
    for (int ask = 1; ask <= policy_.maxDownloadAsks; ++ask) {
        auto answer = askOnce(receptionNumber);
        if (!answer) return answer.problem();
        if (answer.value()) return std::move(*answer.value());
        auto next = std::chrono::steady_clock::now() + policy_.askAgainAfter;
        while (std::chrono::steady_clock::now() < next && !stopped()) std::this_thread::sleep_for(kPoll);
        if (stopped()) return Problem{"gateway.stopped", "the bulk re-check was stopped"};
    }
    return Problem{"gateway.bulk_still_processing",
                   std::string(N_("The terminal is still processing the bulk job; ask again later. Reception number:")) +
                       " " + receptionNumber};
}

}  // namespace madoguchi::gateway
