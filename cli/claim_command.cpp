// madoguchi-cli claim remarks|contacted: the 摘要欄 of a 申立書 visit for the レセコン, and the day
// the patient was reached later.
#include <Poco/JSON/Object.h>
#include <stdexcept>

#include "commands.h"
#include "journal_options.h"
#include "json_output.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {
namespace {

int printRemarks(storage::SqliteVisitJournal& journal, const std::string& visitId) {
    auto visit = journal.visit(visitId);
    if (!visit) throw std::invalid_argument("no visit " + visitId + " in the journal");
    Poco::JSON::Object json;
    json.set("visit_id", visit->visitId);
    json.set("claim_route", visit->claimRoute);
    json.set("claim_remarks", visit->claimRemarks);
    printJson(json);
    return visit->claimRemarks.empty() ? kNegative : kOk;
}

}  // namespace

int runClaim(const Arguments& args) {
    Options options(args, {"--db", "--visit", "--on", "--staff", "--at"}, {});
    if (options.positional().size() != 1) throw std::invalid_argument("usage: claim remarks|contacted --visit ID ...");
    const std::string& which = options.positional()[0];
    storage::SqliteVisitJournal journal(journalPath(options));
    const std::string visitId = options.required("--visit");
    if (which == "remarks") return printRemarks(journal, visitId);
    if (which != "contacted") throw std::invalid_argument("claim: remarks or contacted");
    auto on = Date::parseIso(options.required("--on"));
    if (!on) throw std::invalid_argument("--on must be YYYY-MM-DD");
    auto at = LocalDateTime::parseIso(options.value("--at").value_or(on->iso() + "T00:00:00"));
    if (!at) throw std::invalid_argument("--at must be YYYY-MM-DDTHH:MM:SS");
    auto saved = journal.recordPatientContacted(visitId, *on, options.required("--staff"), *at);
    if (!saved) throw std::invalid_argument(saved.problem().message);
    return printRemarks(journal, visitId);
}

}  // namespace madoguchi::cli
