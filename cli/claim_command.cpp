// madoguchi-cli claim remarks|contacted: the 摘要欄 of a 申立書 visit for the レセコン, and the day
// the patient was reached later.
#include <Poco/JSON/Object.h>
#include <stdexcept>

#include "command_clock.h"
#include "commands.h"
#include "journal_options.h"
#include "json_output.h"
#include "sign_in.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {
namespace {

int printRemarks(storage::FacilityJournal& journal, const StaffMember& reader, const std::string& visitId,
                 const LocalDateTime& at) {
    const VisitList found = journal.visit(visitId);
    if (found.empty()) throw std::invalid_argument("no visit " + visitId + " in the journal");
    const VisitSummary& visit = found[0];
    journal.recordAccess(reader.id, std::string(visit.patientId), "madoguchi-cli claim remarks " + visitId, at);
    Poco::JSON::Object json;
    json.set("visit_id", std::string(visit.visitId));
    json.set("claim_route", std::string(visit.claimRoute));
    json.set("claim_remarks", std::string(visit.claimRemarks));
    printJson(json);
    return visit.claimRemarks.empty() ? kNegative : kOk;
}

}  // namespace

int runClaim(const Arguments& args) {
    Options options(args, withSignInOptions({"--db", "--visit", "--on", "--at", kTodayOption}), {});
    if (options.positional().size() != 1) throw std::invalid_argument("usage: claim remarks|contacted --visit ID ...");
    const std::string& which = options.positional()[0];
    storage::FacilityJournal journal(journalLocation(options));
    const StaffMember staff = signIn(journal, options, Permission::ViewReports);
    const std::string visitId = options.required("--visit");
    const LocalDateTime now = CommandClock(options).now();
    if (which == "remarks") return printRemarks(journal, staff, visitId, now);
    if (which != "contacted") throw std::invalid_argument("claim: remarks or contacted");
    auto on = Date::parseIso(options.required("--on"));
    if (!on) throw std::invalid_argument("--on must be YYYY-MM-DD");
    auto at = LocalDateTime::parseIso(options.value("--at").value_or(on->iso() + "T00:00:00"));
    if (!at) throw std::invalid_argument("--at must be YYYY-MM-DDTHH:MM:SS");
    auto saved = journal.recordPatientContacted(visitId, *on, staff.id, *at);
    if (!saved) throw std::invalid_argument(saved.problem().message);
    return printRemarks(journal, staff, visitId, now);
}

}  // namespace madoguchi::cli
