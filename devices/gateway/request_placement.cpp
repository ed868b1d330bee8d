#include "devices/gateway/request_placement.h"

#include "platform/posix_files.h"

#include "devices/gateway/stable_file.h"
#include "devices/gateway/terminal_rejection.h"

namespace madoguchi::gateway {
namespace {

constexpr int kPlacementAttempts = 20;

bool occupied(const std::filesystem::path& path) {
    std::error_code error;
    return std::filesystem::exists(std::filesystem::symlink_status(path, error));
}

}  // namespace

std::string answerNameFor(const std::string& requestName) {
    std::string answer = requestName;
    if (auto at = answer.find("req_"); at != std::string::npos) answer.replace(at, 4, "res_");
    return answer;
}

std::string requestStem(const std::string& requestName) {
    auto underscore = requestName.find('_');
    auto dot = requestName.rfind('.');
    if (underscore == std::string::npos || dot == std::string::npos || dot < underscore) return requestName;
    return requestName.substr(underscore + 1, dot - underscore - 1);
}

PrologEncoding encodingFor(RequestEncoding setting, const FolderLayout& layout) {
    return setting == RequestEncoding::Utf8       ? PrologEncoding::Utf8
           : setting == RequestEncoding::ShiftJis ? PrologEncoding::ShiftJis
                                                  : siteResultEncoding(layout);
}

std::optional<Problem> cp932ProblemIn(const SearchInfo& person) {
    for (const auto& [field, text] : {std::pair<const char*, const std::string&>{"InsurerNumber", person.insurerNumber},
                                      {"InsuredCardSymbol", person.insuredCardSymbol},
                                      {"InsuredIdentificationNumber", person.insuredIdentificationNumber},
                                      {"InsuredBranchNumber", person.insuredBranchNumber},
                                      {"ArbitraryIdentifier", person.arbitraryIdentifier}})
        if (auto problem = cp932Problem(field, text)) return problem;
    return std::nullopt;
}

bool requestNameTaken(const FolderLayout& layout, const std::string& name) {
    std::string answer = answerNameFor(name);
    return occupied(layout.req() / name) || occupied(layout.res() / name) || occupied(layout.res() / answer) ||
           occupied(layout.res() / std::filesystem::path(answer).replace_extension(".zip")) ||
           occupied(rejectionFileFor(layout, name));
}

Outcome<PlacedRequest> placeRequest(const FolderLayout& layout, RequestCounter& counter, std::string_view prefix,
                                    const std::string& day, PrologEncoding encoding,
                                    const std::function<std::string(const std::string&)>& messageFor,
                                    const std::function<bool(const std::string&)>& alsoTaken) {
    auto isFree = [&](const std::string& name) { return !(alsoTaken && alsoTaken(name)) && !requestNameTaken(layout, name); };
    auto nameFor = [prefix](const std::string& digits) { return std::string(prefix) + digits + ".xml"; };
    for (int attempt = 0; attempt < kPlacementAttempts; ++attempt) {
        auto name = counter.next(day, nameFor, isFree);
        if (!name) return name.problem();
        std::string identifier = "MDG" + requestStem(name.value()) + "-" + randomHex(8);
        auto xml = encodeMessage(messageFor(identifier), encoding);
        if (!xml) return xml.problem();
        auto written = writeFileAtomically(layout.req() / name.value(), xml.value(), ExistingFile::Keep, layout.state());
        if (written) return PlacedRequest{name.value(), identifier};
        if (written.problem().code != "gateway.exists") return written.problem();  // else: someone took it, next number
    }
    return Problem{"gateway.write_failed", "no free request name in req/"};
}

bool modifiedRecently(const std::filesystem::path& path) {
    std::error_code error;
    auto modified = std::filesystem::last_write_time(path, error);
    return !error && std::filesystem::file_time_type::clock::now() - modified < kStillWritingGrace;
}

void logRefusedAnswer(const FolderLayout& layout, const Clock& clock, const std::string& answerName,
                      const std::string& why) {
    std::error_code error;
    std::filesystem::create_directories(layout.state(), error);
    std::filesystem::path log = layout.state() / "refused-answers.log";
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    std::string line = clock.now().iso() + "\t" + answerName + "\t" + why + "\n";
    [[maybe_unused]] auto ignored = ::write(fd, line.data(), line.size());
    ::close(fd);
}

}  // namespace madoguchi::gateway
