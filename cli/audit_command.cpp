// madoguchi-cli audit verify [--db FILE|URI] [--export FILE] --user ID [--password-file FILE]: walks the
// audit trail's keyed chain and compares it with the anchors kept outside the journal.
#include <Poco/JSON/Array.h>
#include <iostream>
#include <stdexcept>

#include "commands.h"
#include "journal_options.h"
#include "json_output.h"
#include "sign_in.h"
#include "storage/audit_trail.h"

namespace madoguchi::cli {
namespace {

Poco::JSON::Object::Ptr findingJson(const storage::AuditFinding& finding) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("row", finding.row);
    json->set("what", finding.what);
    json->set("message", finding.message);
    json->set("intact_up_to", finding.intactUpTo);
    return json;
}

}  // namespace

int runAudit(const Arguments& args) {
    Options options(args, withSignInOptions({"--db", "--export"}), {});
    if (options.positional().size() != 1 || options.positional()[0] != "verify")
        throw std::invalid_argument("usage: audit verify [--db FILE|URI] [--export FILE] --user ID [--password-file FILE]");
    storage::FacilityJournal journal(journalLocation(options));
    storage::AnchorLines anchors = storage::readAnchorLines(journal.anchorPath(), journal.auditKey());
    if (auto file = options.value("--export")) {  // a daily log export carries a sealed head too
        storage::AnchorLines exported = storage::readAnchorLines(*file, journal.auditKey());
        if (!exported.found) throw std::invalid_argument("cannot read the export " + *file);
        anchors.anchors.insert(anchors.anchors.end(), exported.anchors.begin(), exported.anchors.end());
        anchors.forged.insert(anchors.forged.end(), exported.forged.begin(), exported.forged.end());
    }
    storage::AuditVerdict verdict = [&journal, &anchors] {
        storage::ReadSnapshot snapshot(journal.database());  // one snapshot for the walk, even while windows write
        return storage::verifyAudit(journal.database(), journal.auditKey(), anchors);
    }();
    // The walk comes first so that it sees the trail as it was found, before this sign-in's own
    // row; nothing of it is shown unless the sign-in succeeds.
    signIn(journal, options, Permission::ViewAuditTrail);

    Poco::JSON::Object json;
    json.set("intact", verdict.intact());
    json.set("rows", verdict.rows);
    json.set("last_hash", verdict.head);
    json.set("keyed_from_row", verdict.keyedFrom);
    json.set("anchored_rows", verdict.anchoredRows);
    if (!verdict.intact()) {
        const storage::AuditFinding& first = verdict.findings.front();
        json.set("first_bad_row", first.row);
        json.set("reason", first.message);
        json.set("broken_since", first.intactUpTo);
        json.set("finding_count", verdict.findingCount);
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& finding : verdict.findings) list->add(findingJson(finding));
        json.set("findings", list);
        for (const auto& finding : verdict.findings) std::cerr << "audit verify: " << finding.message << "\n";
    }
    printJson(json);
    return verdict.intact() ? kOk : kNegative;
}

}  // namespace madoguchi::cli
