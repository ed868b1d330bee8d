// madoguchi-cli journal generate|migrate: a realistic stretch of visits for reports and
// benchmarks; or just open a journal, which migrates its schema and keys a plain audit chain.
// Both sign in as an administrator; on a new journal they create the first one.
#include <iostream>
#include <stdexcept>

#include "app/visit_generator.h"
#include "arguments.h"
#include "commands.h"
#include "sign_in.h"
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

}  // namespace

int runJournal(const Arguments& args) {
    Options options(args, withSignInOptions({"--db", "--start", "--days", "--per-day", "--seed", "--patients"}), {});
    const std::string usage =
        "usage: journal generate --db FILE|URI --start YYYY-MM-DD --days N --per-day N --user ID [--password-file FILE]\n"
        "       journal migrate --db FILE|URI --user ID [--password-file FILE]";
    if (options.positional().size() != 1) throw std::invalid_argument(usage);
    const std::string& which = options.positional()[0];
    if (which != "generate" && which != "migrate") throw std::invalid_argument(usage);
    storage::FacilityJournal journal(options.required("--db"));  // migrates, keys the chain
    signInOrSetUp(journal, options, Permission::ManageStaff);
    if (which == "generate") return generate(journal, options);
    std::cout << "{\"schema\": " << journal.database().schemaVersion() << "}\n";
    return kOk;
}

}  // namespace madoguchi::cli
