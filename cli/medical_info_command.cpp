// madoguchi-cli druginfo / checkup: fetching a patient's 薬剤情報 or 特定健診 results through the
// terminal's folders (only with the consent the reception result carries, only in facility modes
// ① and ②, not twice within kRefetchInterval unless --force), signed in and audited (a refused fetch
// too); and parsing an answer file to JSON for レセコン and 電子薬歴 integration, signed in and
// audited as well (it prints patient data). Exit codes: 0 answered, 1 refused by the
// consent/mode/interval gate, 2 bad input or the terminal's refusal, 3 no answer yet (not resent).
#include <iostream>
#include <stdexcept>

#include "app/resources.h"
#include "command_clock.h"
#include "commands.h"
#include "devices/gateway/checkup_answer.h"
#include "devices/gateway/drug_info_answer.h"
#include "devices/gateway/folder_safety.h"
#include "devices/gateway/medical_info_client.h"
#include "devices/gateway/medical_info_json.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"
#include "domain/medical_information_gate.h"
#include "platform/utf8_path.h"
#include "journal_options.h"
#include "json_output.h"
#include "sign_in.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {
namespace {

struct Family {
    MedicalInformation kind;
    const char* command;  // "druginfo", "checkup"
};
constexpr Family kDrugInfo{MedicalInformation::Medication, "druginfo"};
constexpr Family kCheckup{MedicalInformation::Checkups, "checkup"};

Outcome<Poco::JSON::Object::Ptr> answerJson(MedicalInformation kind, const std::string& bytes) {
    if (kind == MedicalInformation::Medication) {
        auto answer = gateway::parseDrugInfoAnswer(bytes);
        if (!answer) return answer.problem();
        return gateway::drugInfoJson(answer.value());
    }
    auto answer = gateway::parseCheckupAnswer(bytes);
    if (!answer) return answer.problem();
    return gateway::checkupJson(answer.value());
}

// The answer as JSON on stdout; the terminal's text on stderr when the answer is a refusal.
int printAnswer(const Family& family, const std::string& bytes, const std::string& where) {
    auto json = answerJson(family.kind, bytes);
    if (!json) {
        std::cerr << family.command << ": " << where << ": " << json.problem().message << "\n";
        return kBadInput;
    }
    printJson(*json.value());
    if (!json.value()->getValue<bool>("succeeded")) {
        std::cerr << family.command << ": the terminal answered: " << json.value()->getValue<std::string>("message_contents")
                  << "\n";
        return kBadInput;
    }
    return kOk;
}

int parseCommand(const Family& family, const Options& options) {
    if (options.positional().size() != 2) throw std::invalid_argument(std::string("usage: ") + family.command + " parse FILE");
    const std::string& path = options.positional()[1];
    auto bytes = gateway::readRegularFile(platform::utf8Path(path), gateway::kMaxResultBytes);
    if (!bytes) throw std::invalid_argument("no file " + path);
    signInToShowFile(options, medicalInfoAuditAction(family.kind, "parse"), path);
    if (!*bytes) {
        std::cerr << family.command << ": " << path << ": " << bytes->problem().message << "\n";
        return kBadInput;
    }
    return printAnswer(family, bytes->value(), path);
}

// The one record of the reception result that carries the consent.
QualificationRecord receptionRecord(const std::string& path) {
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    auto bytes = gateway::readRegularFile(platform::utf8Path(path), gateway::kMaxResultBytes);
    if (!bytes || !*bytes) throw std::invalid_argument("--result: cannot read " + path);
    auto result = gateway::parseResultXml(bytes->value(), codes.value());
    if (!result) throw std::invalid_argument("--result: " + result.problem().message);
    if (result.value().results.size() != 1) throw std::invalid_argument("--result must hold exactly one person's result");
    return result.value().results.front();
}

FacilityMode modeFrom(const Options& options) {
    int mode = numberOption(options, "--mode", 1, 1, 3);
    return static_cast<FacilityMode>(mode);
}

gateway::MedicalInfoRequest requestFor(const Family& family, const Options& options, const QualificationRecord& record,
                                       const Date& today) {
    return gateway::medicalInfoRequestFor(
        family.kind, record, options.value("--institution").value_or("1312345678"),
        numberOption(options, "--months", 6, 1, 36), today,
        options.flag("--pdf") ? gateway::AnswerFormat::Pdf : gateway::AnswerFormat::Xml, options.flag("--with-treatments"));
}

int reportFile(const Family& family, const Options& options, const gateway::MedicalInfoFile& file) {
    using Kind = gateway::MedicalInfoFile::Kind;
    switch (file.kind) {
        case Kind::Pending:
            std::cerr << family.command << ": no answer yet to " << file.requestName << " (not resent)\n";
            return kUndecided;
        case Kind::Rejected:
            std::cerr << family.command << ": The terminal rejected the request: "
                      << (file.rejection.empty() ? "no reason given" : file.rejection) << "\n";
            return kBadInput;
        case Kind::Pdf: {
            auto out = options.value("--out");
            if (!out) throw std::invalid_argument("a PDF answer needs --out FILE");
            auto written = gateway::writeFileAtomically(*out, file.content, gateway::ExistingFile::Keep);
            if (!written) throw std::runtime_error(written.problem().message);
            Poco::JSON::Object json;
            json.set("request_file", file.requestName);
            json.set("answer_file", file.answerName);
            json.set("pdf", *out);
            printJson(json);
            return kOk;
        }
        case Kind::Xml: break;
    }
    return printAnswer(family, file.content, file.answerName);
}

int fetchCommand(const Family& family, const Options& options) {
    const QualificationRecord record = receptionRecord(options.required("--result"));
    const std::string patient = options.required("--patient");
    storage::FacilityJournal journal(journalLocation(options));
    actAsCommandLine(journal);
    const StaffMember staff = signIn(journal, options, Permission::ViewEligibility);
    const CommandClock clock(options);
    auto allowed = mayFetch(modeFrom(options), record, family.kind, clock.now(),
                            journal.lastAudited(medicalInfoAuditAction(family.kind, "fetch"), patient, ""),
                            options.flag("--force"));
    if (!allowed) {
        journal.audit({clock.now().iso(), staff.id, medicalInfoAuditAction(family.kind, "fetch_refused"), patient, "",
                       allowed.problem().code, ""});
        std::cerr << family.command << ": " << allowed.problem().message << " (" << allowed.problem().code << ")\n";
        return kNegative;
    }
    auto encoding = gateway::requestEncodingFromName(options.value("--encoding").value_or("auto"));
    if (!encoding) throw std::invalid_argument("--encoding must be utf-8, shift_jis or auto");
    const gateway::FolderLayout layout{options.requiredPath("--root")};
    for (const auto& warning : gateway::folderSafetyWarnings(layout))
        std::cerr << family.command << ": warning: " << warning << "\n";
    gateway::RequestCounter counter(layout.state());
    auto request = requestFor(family, options, record, clock.now().date);
    auto name = gateway::placeMedicalInfoRequest(layout, counter, clock, *encoding, family.kind, request);
    if (!name) {
        std::cerr << family.command << ": " << name.problem().message << "\n";
        return kBadInput;
    }
    journal.audit({clock.now().iso(), staff.id, medicalInfoAuditAction(family.kind, "fetch"), patient, "",
                   name.value() + (options.flag("--force") ? " (asked again on purpose)" : ""), ""});
    auto timeout = std::chrono::milliseconds(numberOption(options, "--timeout-ms", 60000, 1, 3600000));
    auto file = gateway::waitForMedicalInfoAnswer(layout, name.value(), timeout);
    if (!file) {
        std::cerr << family.command << ": " << file.problem().message << "\n";
        return kBadInput;
    }
    return reportFile(family, options, file.value());
}

int runFamily(const Family& family, const Arguments& args) {
    Options options(args,
                    withSignInOptions({"--db", "--root", "--result", "--patient", "--months", "--mode", "--institution",
                                       "--encoding", "--timeout-ms", "--out", kTodayOption}),
                    {"--pdf", "--with-treatments", "--force"});
    const auto& words = options.positional();
    if (!words.empty() && words[0] == "parse") return parseCommand(family, options);
    if (words.size() == 1 && words[0] == "fetch") return fetchCommand(family, options);
    throw std::invalid_argument(std::string("usage: ") + family.command + " fetch|parse ...");
}

}  // namespace

int runDrugInfo(const Arguments& args) { return runFamily(kDrugInfo, args); }
int runCheckup(const Arguments& args) { return runFamily(kCheckup, args); }

}  // namespace madoguchi::cli
