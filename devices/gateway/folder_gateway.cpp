#include "devices/gateway/folder_gateway.h"

#include <thread>

#include "devices/gateway/message_xml.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"

namespace madoguchi::gateway {
namespace {

constexpr std::string_view kRequestPrefix = "OQSsiquc01req_";
constexpr std::string_view kAnswerPrefix = "OQSsiquc01res_";

// The daily counter of a name like OQSsiquc01req_202611250007.xml for the given day, or 0.
int counterOf(const std::string& fileName, const std::string& day) {
    for (std::string_view prefix : {kRequestPrefix, kAnswerPrefix}) {
        std::string stem = std::string(prefix) + day;
        if (fileName.size() == stem.size() + 8 && fileName.starts_with(stem) && fileName.ends_with(".xml")) {
            std::string digits = fileName.substr(stem.size(), 4);
            if (digits.find_first_not_of("0123456789") == std::string::npos) return std::stoi(digits);
        }
    }
    return 0;
}

int highestCounterIn(const std::filesystem::path& folder, const std::string& day) {
    int highest = 0;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        highest = std::max(highest, counterOf(entry.path().filename().string(), day));
    return highest;
}

constexpr auto kStillWritingGrace = std::chrono::seconds(3);

bool modifiedWithin(const std::filesystem::path& path, std::chrono::seconds age) {
    std::error_code error;
    auto modified = std::filesystem::last_write_time(path, error);
    return !error && std::filesystem::file_time_type::clock::now() - modified < age;
}

GatewayAnswer failed(const std::string& requestName, std::string why) {
    GatewayAnswer answer;
    answer.kind = GatewayAnswer::Kind::Failed;
    answer.requestId = requestName;
    answer.failure = std::move(why);
    return answer;
}

}  // namespace

std::string answerNameFor(const std::string& requestName) {
    std::string answer = requestName;
    if (auto at = answer.find("req_"); at != std::string::npos) answer.replace(at, 4, "res_");
    return answer;
}

FolderEligibilityGateway::FolderEligibilityGateway(FolderLayout layout, std::string medicalInstitutionCode,
                                                   CodeTables codes, const Clock& clock)
    : layout_(std::move(layout)), medicalInstitutionCode_(std::move(medicalInstitutionCode)),
      codes_(std::move(codes)), clock_(clock) {}

std::string FolderEligibilityGateway::nextRequestName() {
    std::string day = clock_.now().date.compact();
    int highest = std::max(highestCounterIn(layout_.req(), day), highestCounterIn(layout_.res(), day));
    for (const auto& name : pending_) highest = std::max(highest, counterOf(name, day));
    char counter[16];
    std::snprintf(counter, sizeof counter, "%04d", highest + 1);
    return std::string(kRequestPrefix) + day + counter + ".xml";
}

GatewayAnswer FolderEligibilityGateway::query(const NumberQuery& query, std::chrono::milliseconds timeout) {
    std::string requestName;
    {
        std::lock_guard lock(mutex_);
        requestName = nextRequestName();
        auto written = writeFileAtomically(layout_.req() / requestName,
                                           singleQueryRequestXml(query, medicalInstitutionCode_));
        if (!written) return failed(requestName, written.problem().message);
        pending_.insert(requestName);
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

std::optional<GatewayAnswer> FolderEligibilityGateway::answerIfPresent(const std::string& requestName) {
    std::filesystem::path path = layout_.res() / answerNameFor(requestName);
    auto content = readStableFile(path);
    if (!content) return std::nullopt;
    auto result = *content ? parseResultXml(content->value(), codes_) : Outcome<EligibilityResult>(content->problem());
    // A writer that pauses between pieces can fool two equal reads: an unreadable answer is
    // taken as still being written until it has been left alone for a while.
    if (!result && modifiedWithin(path, kStillWritingGrace)) return std::nullopt;
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
    for (const auto& name : std::set<std::string>(pending_))
        if (auto answer = answerIfPresent(name)) answers.push_back(std::move(*answer));
    return answers;
}

void FolderEligibilityGateway::addPending(const std::string& requestName) {
    std::lock_guard lock(mutex_);
    pending_.insert(requestName);
}

std::set<std::string> FolderEligibilityGateway::pending() const {
    std::lock_guard lock(mutex_);
    return pending_;
}

}  // namespace madoguchi::gateway
