// The journal on a site server: a private PostgreSQL cluster of this test run (postgres_server.h),
// several writer processes at once, one of them killed, the server stopped mid-day. Runs only on
// the server runs (ctest qa_storage_postgres, label postgres); the SQLite runs skip the suite.
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "app/visit_generator.h"
#include "app/visits_csv.h"
#include "child_process.h"
#include "code_tables.h"
#include "domain/manager_reports.h"
#include "postgres_server.h"
#include "storage/database.h"
#include "storage/journal_copy.h"
#include "storage/open_database.h"
#include "storage/server_address.h"
#include "storage/schema.h"
#include "storage_fixtures.h"

using namespace madoguchi;
using madoguchi::test::at;
using madoguchi::test::ChildProcess;

namespace {

constexpr int kWriters = 4;
constexpr int kVisitsEach = 500;

std::string run(const std::string& command, int& exitCode) {
    std::string output;
    FILE* pipe = popen((command + " 2>&1 </dev/null").c_str(), "r");
    BOOST_REQUIRE(pipe);
    char chunk[512];
    while (std::size_t n = fread(chunk, 1, sizeof chunk, pipe)) output.append(chunk, n);
    int status = pclose(pipe);
    exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return output;
}

std::set<std::string> visitIds(const std::string& location) {
    auto db = storage::openDatabase(location);
    auto rows = db->prepare("SELECT id FROM visits");
    std::set<std::string> ids;
    while (rows.step()) ids.insert(rows.text(0));
    return ids;
}

// What the manager's window reads while the windows write: one snapshot in which the visits,
// their audit rows and the chain agree; the count never goes back.
struct ReportReader {
    storage::FacilityJournal journal;
    long long lastSeen = 0;
    int reads = 0;
    explicit ReportReader(const std::string& location) : journal(location) {}
    void readOnce() {
        storage::Database& db = journal.database();
        storage::ReadSnapshot snapshot(db);
        auto count = db.prepare("SELECT (SELECT COUNT(*) FROM visits), "
                                "(SELECT COUNT(*) FROM audit_log WHERE action = 'visit.recorded')");
        BOOST_REQUIRE(count.step());
        const long long visits = count.integer(0), audited = count.integer(1);
        count.reset();
        BOOST_REQUIRE_EQUAL(visits, audited);
        BOOST_REQUIRE_GE(visits, lastSeen);
        BOOST_REQUIRE_MESSAGE(test::chainIntact(db), "the chain broke during the writes");
        BOOST_REQUIRE_EQUAL(static_cast<long long>(journal.visitsBetween(*Date::fromYmd(2026, 11, 25),
                                                                         *Date::fromYmd(2026, 11, 25)).size()),
                            visits);
        lastSeen = visits;
        ++reads;
    }
};

boost::test_tools::assertion_result serverRun(boost::unit_test::test_unit_id) { return test::onServer(); }

std::string visitsCsv(std::span<const VisitSummary> visits) {
    std::ostringstream out;
    app::writeVisitsCsv(out, visits, test::codeTables(), false);
    return out.str();
}

std::string usageText(const std::map<Date, MonthPatients>& patients, const Date& month) {
    const MonthlyUsage usage = monthlyUsage(month, patients, std::nullopt);
    return std::to_string(usage.patientsSeen) + "/" + std::to_string(usage.patientsWithCard) + "/" +
           std::to_string(usage.estimateBasisPoints);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Site, *boost::unit_test::precondition(serverRun))

BOOST_AUTO_TEST_CASE(QuestionMarksInQuotesAreNoPlaceholders) {
    test::JournalPlace place;
    auto db = storage::openDatabase(place.journal());
    auto row = db->prepare("SELECT ? AS \"a?\", '?', ?");
    row.bind(1, std::string("one")).bind(2, std::string("two"));
    BOOST_REQUIRE(row.step());
    BOOST_CHECK_EQUAL(row.text(0), "one");
    BOOST_CHECK_EQUAL(row.text(1), "?");
    BOOST_CHECK_EQUAL(row.text(2), "two");
}

BOOST_AUTO_TEST_CASE(TheCommandLineMigratesTheServerAndVerifiesItsAuditTrail) {
    test::JournalPlace place;
    auto password = test::passwordFile(place.path(), "site-admin-passphrase");
    const std::string signIn = " --user admin --password-file '" + password.string() + "'";
    int code = -1;
    std::string migrated = run(std::string(MADOGUCHI_CLI) + " journal migrate --db '" + place.journal() + "'" + signIn, code);
    BOOST_CHECK_EQUAL(code, 0);
    BOOST_CHECK_EQUAL(migrated, "{\"schema\": " + std::to_string(storage::currentSchemaVersion()) + "}\n");
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT version FROM schema_version"), storage::currentSchemaVersion());
    std::string again = run(std::string(MADOGUCHI_CLI) + " journal migrate --db '" + place.journal() + "'" + signIn, code);
    BOOST_CHECK_EQUAL(code, 0);
    BOOST_CHECK_EQUAL(again, migrated);

    std::string generated = run(std::string(MADOGUCHI_CLI) + " journal generate --db '" + place.journal() +
                                    "' --start 2026-11-02 --days 5 --per-day 40" + signIn,
                                code);
    BOOST_CHECK_EQUAL(code, 0);
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM visits"), 200);
    std::string verified = run(std::string(MADOGUCHI_CLI) + " audit verify --db '" + place.journal() + "'" + signIn, code);
    BOOST_CHECK_EQUAL(code, 0);
    BOOST_CHECK_MESSAGE(verified.find("\"intact\": true") != std::string::npos ||
                            verified.find("\"intact\":true") != std::string::npos,
                        verified);
    // The trail is append-only on the server too.
    auto db = storage::openDatabase(place.journal());
    BOOST_CHECK_THROW(db->execute("DELETE FROM audit_log WHERE seq = 1"), storage::StorageError);
    BOOST_CHECK_THROW(db->execute("UPDATE audit_log SET detail = 'x' WHERE seq = 1"), storage::StorageError);
}

BOOST_AUTO_TEST_CASE(AJournalFileMovesToTheServerRowByRowWithItsAuditChain) {
    test::JournalPlace place;
    const auto file = place / "window.sqlite3";
    auto password = test::passwordFile(place.path(), "site-admin-passphrase");
    const std::string signIn = " --user admin --password-file '" + password.string() + "'";
    const std::string cli = std::string(MADOGUCHI_CLI);
    int code = -1;
    run(cli + " journal generate --db '" + file.string() + "' --start 2026-10-01 --days 10 --per-day 30" + signIn, code);
    BOOST_REQUIRE_EQUAL(code, 0);
    {
        storage::FacilityJournal window(file.string());
        const auto followUps = window.followUps();
        BOOST_REQUIRE(!followUps.empty());
        BOOST_REQUIRE(window.retag({std::string(followUps.front().visitId), ClaimRoute::Current, "admin", "資格確認書", "scan",
                                    at(2026, 10, 11)}).ok());
    }
    const std::string copied =
        run(cli + " journal copy --from '" + file.string() + "' --to '" + place.journal() + "'" + signIn, code);
    BOOST_REQUIRE_MESSAGE(code == 0, copied);
    BOOST_CHECK_MESSAGE(copied.find("\"visits\": 300") != std::string::npos, copied);
    BOOST_CHECK_MESSAGE(copied.find("\"retags\": 1") != std::string::npos, copied);
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM visits"), 300);
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM audit_log"),
                      test::scalar(file.string(), "SELECT COUNT(*) FROM audit_log"));

    // The server's journal gives the same lists as the file, signs the same staff in, and verifies.
    storage::FacilityJournal server(place.journal()), window(file.string());
    const Date first = *Date::fromYmd(2026, 10, 1), last = *Date::fromYmd(2026, 10, 10);
    BOOST_CHECK(visitsCsv(server.visitsBetween(first, last)) == visitsCsv(window.visitsBetween(first, last)));
    BOOST_CHECK(visitsCsv(server.followUps()) == visitsCsv(window.followUps()));
    BOOST_CHECK(storage::journalDifference(window.database(), server.database()).empty());
    const std::string verified = run(cli + " audit verify --db '" + place.journal() + "'" + signIn, code);
    BOOST_CHECK_MESSAGE(code == 0, verified);

    // A second copy into the now full server journal is refused, and changes nothing.
    const long long rows = test::scalar(place.journal(), "SELECT COUNT(*) FROM audit_log");
    const std::string again =
        run(cli + " journal copy --from '" + file.string() + "' --to '" + place.journal() + "'" + signIn, code);
    BOOST_CHECK_NE(code, 0);
    BOOST_CHECK_MESSAGE(again.find("already holds a journal") != std::string::npos, again);
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM visits"), 300);
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM audit_log"), rows);
    // A row changed on the server after the copy is named by the row-by-row comparison.
    auto changer = storage::openDatabase(place.journal());
    changer->execute("UPDATE visits SET share_basis = 'changed' WHERE id = (SELECT MIN(id) FROM visits)");
    BOOST_CHECK(storage::journalDifference(window.database(), server.database()).find("visits") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(FourWritersOneKilledHalfwayLoseNothingAndKeepOneChain) {
    test::JournalPlace place;
    ReportReader manager(place.journal());  // creates the schema before the writers start
    std::vector<std::unique_ptr<ChildProcess>> writers;
    // Writer 0 is killed after half its visits; it is given more than it can finish first, so the
    // kill always lands while it writes (a fast writer could otherwise be done before the kill).
    for (int w = 0; w < kWriters; ++w)
        writers.push_back(std::make_unique<ChildProcess>(std::vector<std::string>{
            JOURNAL_WRITER, place.journal(), "W" + std::to_string(w), std::to_string(w == 0 ? kVisitsEach * 20 : kVisitsEach)}));
    std::vector<std::set<std::string>> reported(kWriters);
    std::vector<bool> done(kWriters, false);
    bool killed = false;
    while (std::find(done.begin(), done.end(), false) != done.end()) {
        for (int w = 0; w < kWriters; ++w) {
            if (done[w]) continue;
            while (auto id = writers[w]->readLine(std::chrono::milliseconds(20))) {
                reported[w].insert(*id);
                if (w == 0 && !killed && reported[0].size() >= kVisitsEach / 2) break;
            }
            if (w == 0 && !killed && reported[0].size() >= kVisitsEach / 2) {
                writers[0]->killHard();
                const int status = writers[0]->wait();
                BOOST_REQUIRE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
                for (const auto& id : writers[0]->remainingLines()) reported[0].insert(id);
                killed = done[0] = true;
            } else if (writers[w]->outputEnded()) {
                BOOST_CHECK_EQUAL(WEXITSTATUS(writers[w]->wait()), 0);
                done[w] = true;
            }
        }
        manager.readOnce();
    }
    BOOST_REQUIRE(killed);
    const auto saved = visitIds(place.journal());
    for (int w = 0; w < kWriters; ++w)
        for (const auto& id : reported[w]) BOOST_REQUIRE_MESSAGE(saved.count(id), "visit " << id << " was committed but is lost");
    for (int w = 1; w < kWriters; ++w) BOOST_CHECK_EQUAL(reported[w].size(), static_cast<std::size_t>(kVisitsEach));
    BOOST_CHECK_LT(reported[0].size(), static_cast<std::size_t>(kVisitsEach * 20));  // killed before its end
    // One visit row and one `visit.recorded` row per visit; the chain is one chain, its rows numbered without a gap.
    const std::string& db = place.journal();
    BOOST_CHECK_EQUAL(test::scalar(db, "SELECT COUNT(*) FROM visits"), static_cast<long long>(saved.size()));
    BOOST_CHECK_EQUAL(test::scalar(db, "SELECT COUNT(DISTINCT visit_id) FROM audit_log WHERE action = 'visit.recorded'"),
                      static_cast<long long>(saved.size()));
    BOOST_CHECK_EQUAL(test::scalar(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.recorded'"),
                      static_cast<long long>(saved.size()));
    BOOST_CHECK_EQUAL(test::scalar(db, "SELECT MAX(seq) - COUNT(*) FROM audit_log"), 0);
    const auto verdict = test::verifyJournal(db);
    BOOST_CHECK_MESSAGE(verdict.intact(), (verdict.findings.empty() ? "" : verdict.findings.front().message));
    BOOST_CHECK_GT(verdict.anchoredRows, 0);
    BOOST_TEST_MESSAGE(saved.size() << " visits from " << kWriters << " writers, " << manager.reads
                                    << " consistent report reads meanwhile");
}

BOOST_AUTO_TEST_CASE(TheSameVisitsGiveTheSameReportsOnBothEngines) {
    test::JournalPlace place;
    storage::FacilityJournal server(place.journal());
    storage::FacilityJournal file((place / "same.sqlite3").string());
    app::VisitGenerator forServer(11, 300), forFile(11, 300);
    const Date first = *Date::fromYmd(2026, 10, 1);
    for (int d = 0; d < 31; ++d) {
        BOOST_REQUIRE(server.recordVisits(forServer.day(first.plusDays(d), 30)).ok());
        BOOST_REQUIRE(file.recordVisits(forFile.day(first.plusDays(d), 30)).ok());
    }
    const Date last = first.plusDays(30);
    const std::string month = visitsCsv(server.visitsBetween(first, last));
    BOOST_CHECK_EQUAL(std::count(month.begin(), month.end(), '\n'), 31 * 30 + 1);  // the header, then every visit
    BOOST_CHECK(month == visitsCsv(file.visitsBetween(first, last)));
    const std::string day = visitsCsv(server.visitsBetween(first.plusDays(9), first.plusDays(9)));
    BOOST_CHECK(day == visitsCsv(file.visitsBetween(first.plusDays(9), first.plusDays(9))));
    const std::string followUps = visitsCsv(server.followUps());
    BOOST_CHECK_GT(std::count(followUps.begin(), followUps.end(), '\n'), 1);
    BOOST_CHECK(followUps == visitsCsv(file.followUps()));
    BOOST_CHECK_EQUAL(usageText(server.patientsByMonth(first, last), first),
                      usageText(file.patientsByMonth(first, last), first));
    const auto onServer = server.lastEligibility("P42"), inFile = file.lastEligibility("P42");
    BOOST_REQUIRE(onServer && inFile);
    BOOST_CHECK_EQUAL(onServer->insurance.insurerNumber + onServer->recordedAt.iso(),
                      inFile->insurance.insurerNumber + inFile->recordedAt.iso());
}

BOOST_AUTO_TEST_CASE(AServerStoppedMidDayGetsTheKeptVisitsOnceItIsBack) {
    test::JournalPlace place;
    storage::FacilityJournal journal(place.journal());
    BOOST_REQUIRE(journal.recordVisit(test::sampleVisit("V-morning", "P1", at(2026, 11, 25, 9))).ok());

    test::testServer().stop();
    auto during = journal.recordVisit(test::oldClaimVisit("V-noon", "P2", at(2026, 11, 25, 12)));
    BOOST_REQUIRE(!during);
    BOOST_CHECK_EQUAL(during.problem().code, "journal.write_failed");
    BOOST_CHECK(!journal.recordVisit(test::sampleVisit("V-afternoon", "P3", at(2026, 11, 25, 14))));
    BOOST_CHECK_EQUAL(journal.unsavedCount(), 2u);
    BOOST_CHECK_EQUAL(journal.retryUnsaved(), 0);  // still down
    test::testServer().start();

    BOOST_CHECK_EQUAL(journal.retryUnsaved(), 2);
    BOOST_CHECK_EQUAL(journal.unsavedCount(), 0u);
    BOOST_CHECK_EQUAL(journal.retryUnsaved(), 0);  // sent once, not again
    BOOST_REQUIRE(journal.recordVisit(test::sampleVisit("V-evening", "P4", at(2026, 11, 25, 17))).ok());
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM visits"), 4);
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.recorded'"), 4);
    BOOST_CHECK_LT(test::scalar(place.journal(), "SELECT seq FROM audit_log WHERE visit_id = 'V-noon'"),
                   test::scalar(place.journal(), "SELECT seq FROM audit_log WHERE visit_id = 'V-afternoon'"));
    BOOST_CHECK_EQUAL(journal.followUps().size(), 1u);  // V-noon, an OLD claim
    BOOST_CHECK(test::verifyJournal(place.journal()).intact());
}

BOOST_AUTO_TEST_SUITE_END()
