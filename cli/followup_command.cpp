// madoguchi-cli followup recheck: the bulk re-check (一括照会) of every OLD / UNKNOWN visit through
// the terminal's folders, as the manager's follow-up page does; confirmed visits are re-tagged
// CURRENT, signed by the staff member who signed in. Prints the report as JSON; exits 0 when the
// job was answered, 1 when it is still processing after the last ask (the reception number is on
// stderr), 2 on a refused or failed job.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <iostream>
#include <set>
#include <stdexcept>

#include "app/resources.h"
#include "command_clock.h"
#include "commands.h"
#include "devices/gateway/folder_bulk_check.h"
#include "devices/gateway/folder_safety.h"
#include "domain/follow_up_recheck.h"
#include "journal_options.h"
#include "json_output.h"
#include "sign_in.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {
namespace {

Poco::JSON::Object reportJson(const RecheckReport& report) {
    Poco::JSON::Object json;
    json.set("reception_number", report.receptionNumber);
    json.set("answer_file", report.answerFile);
    json.set("retagged", report.count(RecheckVerdict::Retagged));
    Poco::JSON::Array visits;
    for (const auto& entry : report.visits) {
        Poco::JSON::Object visit;
        visit.set("visit_id", entry.visitId);
        visit.set("verdict", std::string(recheckVerdictName(entry.verdict)));
        visit.set("validity", entry.validity);
        visit.set("detail", entry.detail);
        visits.add(visit);
    }
    json.set("visits", visits);
    return json;
}

gateway::BulkPolicy policyFrom(const Options& options) {
    gateway::BulkPolicy policy;
    policy.answerTimeout = std::chrono::milliseconds(numberOption(options, "--timeout-ms", 120000, 1, 3600000));
    policy.askAgainAfter = std::chrono::milliseconds(numberOption(options, "--ask-again-ms", 30000, 0, 3600000));
    policy.maxDownloadAsks = numberOption(options, "--max-asks", 20, 1, 1000);
    return policy;
}

int recheck(const Options& options) {
    auto encoding = gateway::requestEncodingFromName(options.value("--encoding").value_or("auto"));
    if (!encoding) throw std::invalid_argument("--encoding must be utf-8, shift_jis or auto");
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    storage::FacilityJournal journal(journalLocation(options));
    const StaffMember staff = signIn(journal, options, Permission::RetagClaim);
    const CommandClock clock(options);
    const gateway::FolderLayout layout{options.requiredPath("--root")};
    for (const auto& warning : gateway::folderSafetyWarnings(layout))
        std::cerr << "followup recheck: warning: " << warning << "\n";
    gateway::FolderBulkQueryClient terminal(layout, options.value("--institution").value_or("1312345678"), codes.value(),
                                            clock, *encoding, policyFrom(options));
    std::set<std::string> patients;
    for (const auto& candidate : journal.recheckCandidates())
        if (!candidate.patientId.empty()) patients.insert(candidate.patientId);
    journal.recordReads(staff.id, {patients.begin(), patients.end()}, "madoguchi-cli followup recheck", clock.now());
    auto report = recheckFollowUps(staff, journal, terminal, journal, clock.now());
    if (!report) {
        std::cerr << "followup recheck: " << report.problem().message << "\n";
        return report.problem().code == "gateway.bulk_still_processing" ? kNegative : kBadInput;
    }
    printJson(reportJson(report.value()));
    return kOk;
}

}  // namespace

int runFollowup(const Arguments& args) {
    Options options(args,
                    withSignInOptions({"--db", "--root", "--institution", "--encoding", "--timeout-ms", "--ask-again-ms",
                                       "--max-asks", kTodayOption}),
                    {});
    if (options.positional().size() != 1 || options.positional()[0] != "recheck")
        throw std::invalid_argument("usage: followup recheck --root DIR ...");
    return recheck(options);
}

}  // namespace madoguchi::cli
