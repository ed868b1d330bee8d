#include "devices/gateway/folder_gateway.h"

#include <fcntl.h>
#include <thread>
#include <unistd.h>

#include "devices/gateway/message_xml.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"
#include "devices/gateway/terminal_rejection.h"

namespace madoguchi::gateway {
namespace {

constexpr std::string_view kRequestPrefix = "OQSsiquc01req_";
constexpr auto kStillWritingGrace = std::chrono::seconds(3);
constexpr int kPlacementAttempts = 20;

bool modifiedWithin(const std::filesystem::path& path, std::chrono::seconds age) {
    std::error_code error;
    auto modified = std::filesystem::last_write_time(path, error);
    return !error && std::filesystem::file_time_type::clock::now() - modified < age;
}

bool occupied(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::exists(std::filesystem::symlink_status(path, error));
}

GatewayAnswer failed(const std::string& requestName, std::string why) {
    GatewayAnswer answer;
    answer.kind = GatewayAnswer::Kind::Failed;
    answer.requestId = requestName;
    answer.failure = std::move(why);
    return answer;
}

// The 12 digits of "OQSsiquc01req_202611250001.xml".
std::string requestStem(const std::string& requestName) {
    auto underscore = requestName.find('_');
    auto dot = requestName.rfind('.');
    if (underscore == std::string::npos || dot == std::string::npos || dot < underscore) return requestName;
    return requestName.substr(underscore + 1, dot - underscore - 1);
}

// The fields of the request a CP932 request cannot carry, by element name.
std::optional<Problem> shiftJisProblem(const NumberQuery& query) {
    const SearchInfo person = searchInfoOf(query);
    for (const auto& [field, text] : {std::pair<const char*, const std::string&>{"InsurerNumber", person.insurerNumber},
                                      {"InsuredCardSymbol", person.insuredCardSymbol},
                                      {"InsuredIdentificationNumber", person.insuredIdentificationNumber},
                                      {"InsuredBranchNumber", person.insuredBranchNumber},
                                      {"ArbitraryIdentifier", person.arbitraryIdentifier}})
        if (auto problem = cp932Problem(field, text)) return problem;
    return std::nullopt;
}

}  // namespace

std::string answerNameFor(const std::string& requestName) {
    std::string answer = requestName;
    if (auto at = answer.find("req_"); at != std::string::npos) answer.replace(at, 4, "res_");
    return answer;
}

std::string fileIdentifierFor(const std::string& requestName) { return "MDG" + requestStem(requestName) + "-" + randomHex(8); }

FolderEligibilityGateway::FolderEligibilityGateway(FolderLayout layout, std::string medicalInstitutionCode,
                                                   CodeTables codes, const Clock& clock, RequestEncoding encoding)
    : layout_(std::move(layout)), medicalInstitutionCode_(std::move(medicalInstitutionCode)),
      codes_(std::move(codes)), clock_(clock), encoding_(encoding), counter_(layout_.state()) {}

Outcome<std::string> FolderEligibilityGateway::writeRequest(const NumberQuery& query) {
    PrologEncoding encoding = encoding_ == RequestEncoding::Utf8       ? PrologEncoding::Utf8
                              : encoding_ == RequestEncoding::ShiftJis ? PrologEncoding::ShiftJis
                                                                       : siteResultEncoding(layout_);
    if (encoding == PrologEncoding::ShiftJis)
        if (auto problem = shiftJisProblem(query)) return *problem;
    auto isFree = [this](const std::string& name) {
        return !pending_.count(name) && !occupied(layout_.req() / name) && !occupied(layout_.res() / name) &&
               !occupied(layout_.res() / answerNameFor(name)) && !occupied(rejectionFileFor(layout_, name));
    };
    auto nameFor = [](const std::string& digits) { return std::string(kRequestPrefix) + digits + ".xml"; };
    for (int attempt = 0; attempt < kPlacementAttempts; ++attempt) {
        auto name = counter_.next(clock_.now().date.compact(), nameFor, isFree);
        if (!name) return name.problem();
        std::string identifier = fileIdentifierFor(name.value());
        auto xml = encodeMessage(singleQueryRequestXml(query, medicalInstitutionCode_, identifier), encoding);
        if (!xml) return xml.problem();
        auto written = writeFileAtomically(layout_.req() / name.value(), xml.value(), ExistingFile::Keep, layout_.state());
        if (written) {
            pending_[name.value()] = identifier;
            return name;
        }
        if (written.problem().code != "gateway.exists") return written.problem();  // else: someone took it, next number
    }
    return Problem{"gateway.write_failed", "no free request name in req/"};
}

GatewayAnswer FolderEligibilityGateway::query(const NumberQuery& query, std::chrono::milliseconds timeout) {
    std::string requestName;
    {
        std::lock_guard lock(mutex_);
        auto written = writeRequest(query);
        if (!written) return failed("", written.problem().message);
        requestName = written.value();
    }
    auto deadline = std::chrono::steady_clock::now() + timeout;
    do {
        std::lock_guard lock(mutex_);
        if (auto answer = answerIfPresent(requestName)) return *answer;
    } while (std::chrono::steady_clock::now() < deadline &&
             (std::this_thread::sleep_for(std::chrono::milliseconds(50)), true));
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

void FolderEligibilityGateway::logRefusal(const std::string& answerName, const std::string& why) {
    std::error_code error;
    std::filesystem::create_directories(layout_.state(), error);
    std::filesystem::path log = layout_.state() / "refused-answers.log";
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    std::string line = clock_.now().iso() + "\t" + answerName + "\t" + why + "\n";
    [[maybe_unused]] auto ignored = ::write(fd, line.data(), line.size());
    ::close(fd);
}

std::optional<GatewayAnswer> FolderEligibilityGateway::answerIfPresent(const std::string& requestName) {
    if (auto rejection = findRejection(layout_, requestName)) {
        pending_.erase(requestName);
        return failed(requestName, std::string(N_("The terminal rejected the request:")) + " " +
                                       (rejection->reason.empty() ? std::string(N_("no reason given")) : rejection->reason));
    }
    std::string answerName = answerNameFor(requestName);
    std::filesystem::path path = layout_.res() / answerName;
    auto content = readStableFile(path);
    if (!content) return std::nullopt;
    auto result = *content ? parseResultXml(content->value(), codes_) : Outcome<EligibilityResult>(content->problem());
    // A writer that pauses between pieces can fool two equal reads: an unreadable answer is
    // taken as still being written until it has been left alone for a while.
    if (!result && *content && modifiedWithin(path, kStillWritingGrace)) return std::nullopt;
    if (result)
        if (auto problem = echoProblem(requestName, result.value())) {
            logRefusal(answerName, *problem);
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
