// madoguchi-cli journal generate|migrate|copy: a realistic stretch of visits for reports and
// benchmarks; or just open a journal, which migrates its schema and keys a plain audit chain;
// or move a journal file to the site server. All sign in as an administrator; on a new journal
// generate and migrate create the first one.
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "app/system_clock.h"
#include "app/visit_generator.h"
#include "arguments.h"
#include "commands.h"
#include "sign_in.h"
#include "storage/journal_copy.h"
#include "storage/open_database.h"
#include "storage/schema.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {
namespace {

int generate(storage::FacilityJournal& journal, const Options& options) {
    auto start = Date::parseIso(options.required("--start"));
    if (!start) throw std::invalid_argument("--start must be YYYY-MM-DD");
    int days = std::stoi(options.required("--days")), perDay = std::stoi(options.required("--per-day"));
    long total = static_cast<long>(days) * perDay;
    if (days < 1 || perDay < 1 || total > 5'000'000)
        throw std::invalid_argument("--days and --per-day must be positive (at most 5,000,000 visits)");
    int patients = std::stoi(options.value("--patients").value_or(std::to_string(std::max(1L, total / 6))));
    app::VisitGenerator generator(static_cast<unsigned>(std::stoul(options.value("--seed").value_or("7"))), patients);
    for (int d = 0; d < days; ++d) {  // one transaction per day: fast, and a crash loses no finished day
        auto written = journal.recordVisits(generator.day(start->plusDays(d), perDay));
        if (!written) throw std::runtime_error(written.problem().message);
    }
    std::cout << "{\"visits\": " << total << "}\n";
    return kOk;
}

// The journal file `--from` into the empty journal `--to` (the site server), then every table
// compared row by row and the copied audit chain verified against the file's own anchors.
int copy(const Options& options) {
    const std::string from = options.required("--from"), to = options.required("--to");
    if (storage::isServerLocation(from) || !std::filesystem::exists(from))
        throw std::invalid_argument("--from must be an existing journal file");
    storage::FacilityJournal source(from);  // at the current schema, like the destination
    signIn(source, options, Permission::ManageStaff);
    storage::FacilityJournal destination(to);
    storage::requireEmptyJournal(destination.database());
    const storage::CopiedRows copied = storage::copyJournalRows(source.database(), destination.database());
    if (std::string difference = storage::journalDifference(source.database(), destination.database()); !difference.empty())
        throw std::runtime_error("the copy differs from the file: " + difference);
    storage::AnchorLines anchors = storage::readAnchorLines(source.anchorPath(), source.auditKey());
    storage::AuditVerdict verdict = storage::verifyAudit(destination.database(), destination.auditKey(), anchors);
    if (!verdict.intact())
        throw std::runtime_error("the copied audit trail does not verify: " + verdict.findings.front().message);
    storage::appendAnchor(destination.anchorPath(), destination.auditKey(),
                          storage::auditHead(destination.database(), app::SystemClock().now().iso()));
    std::cout << "{\"copied\": {";
    bool first = true;
    for (const auto& [table, rows] : copied) {
        std::cout << (first ? "" : ", ") << "\"" << table << "\": " << rows;
        first = false;
    }
    std::cout << "}, \"rows_compared\": true, \"audit_rows\": " << verdict.rows << ", \"anchored_rows\": "
              << verdict.anchoredRows << ", \"intact\": true}\n";
    return kOk;
}

}  // namespace

int runJournal(const Arguments& args) {
    Options options(args, withSignInOptions({"--db", "--start", "--days", "--per-day", "--seed", "--patients", "--from", "--to"}), {});
    const std::string usage =
        "usage: journal generate --db FILE|URI --start YYYY-MM-DD --days N --per-day N --user ID [--password-file FILE]\n"
        "       journal migrate --db FILE|URI --user ID [--password-file FILE]\n"
        "       journal copy --from FILE --to URI --user ID [--password-file FILE]";
    if (options.positional().size() != 1) throw std::invalid_argument(usage);
    const std::string& which = options.positional()[0];
    if (which != "generate" && which != "migrate" && which != "copy") throw std::invalid_argument(usage);
    if (which == "copy") return copy(options);
    storage::FacilityJournal journal(options.required("--db"));  // migrates, keys the chain
    signInOrSetUp(journal, options, Permission::ManageStaff);
    if (which == "generate") return generate(journal, options);
    std::cout << "{\"schema\": " << journal.database().schemaVersion() << "}\n";
    return kOk;
}

}  // namespace madoguchi::cli
