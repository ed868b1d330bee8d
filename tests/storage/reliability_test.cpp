// Reliability on real files: a writer process killed with SIGKILL at random moments loses no visit
// it reported committed; readers during writes see whole transactions; a full disk gives a clear
// error, keeps the visit in memory, corrupts nothing, and the retry saves it once space returns.
#ifndef _WIN32
#include <sys/mount.h>
#endif

#include <functional>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "child_process.h"
#include "storage/sqlite.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::ChildProcess;
using madoguchi::test::TempFolder;

namespace {

constexpr int kKillRounds = 50;

std::set<std::string> visitIds(const std::filesystem::path& file) {
    storage::SqliteDatabase db(file, true);
    auto rows = db.prepare("SELECT id FROM visits");
    std::set<std::string> ids;
    while (rows.step()) ids.insert(rows.text(0));
    return ids;
}

// A small file system of its own for the journal, so that filling it up touches nothing else: a
// 2 MiB tmpfs, which needs the right to mount (root in CI). Where that is not permitted, ctest
// reports the tmpfs case as skipped (run_full_disk.sh, SKIP_RETURN_CODE); the case that fills the
// journal up to SQLite's PRAGMA max_page_count (the same SQLITE_FULL) runs everywhere. Windows has
// no tmpfs to mount (a RAM disk needs a driver): there only the max_page_count case runs.
#ifndef _WIN32
class TinyFileSystem {
public:
    explicit TinyFileSystem(const std::filesystem::path& where) : where_(where) {
        std::filesystem::create_directories(where_);
        mounted_ = mount("tmpfs", where_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=2m,mode=0700") == 0;
    }
    ~TinyFileSystem() {
        if (mounted_) umount2(where_.c_str(), MNT_DETACH);
    }
    TinyFileSystem(const TinyFileSystem&) = delete;
    TinyFileSystem& operator=(const TinyFileSystem&) = delete;
    bool mounted() const { return mounted_; }

    // Takes every free byte with a filler file; `release` gives the space back.
    void fill() {
        std::ofstream filler(where_ / "filler", std::ios::binary);
        std::string block(4096, 'x');
        while (filler.write(block.data(), static_cast<std::streamsize>(block.size()))) filler.flush();
    }
    void release() { std::filesystem::remove(where_ / "filler"); }

private:
    std::filesystem::path where_;
    bool mounted_ = false;
};
#endif

}  // namespace

BOOST_AUTO_TEST_SUITE(Reliability)

BOOST_AUTO_TEST_CASE(AWriterKilledAtRandomMomentsLosesNoCommittedVisit) {
    TempFolder folder;
    auto file = folder / "journal.sqlite3";
    std::mt19937 random(20261125);
    std::set<std::string> reported;
    for (int round = 0; round < kKillRounds; ++round) {
        ChildProcess writer({JOURNAL_WRITER, test::location(file), "R" + std::to_string(round)});
        // Wait for the first commit (start-up and migrations take a moment), then kill at a random point.
        auto first = writer.readLine();
        BOOST_REQUIRE_MESSAGE(first, "the writer committed nothing in round " << round);
        reported.insert(*first);
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 30000)(random)));
        writer.killHard();
        int status = writer.wait();
        BOOST_REQUIRE(ChildProcess::killedHard(status));
        for (const auto& id : writer.remainingLines()) reported.insert(id);

        auto saved = visitIds(file);
        for (const auto& id : reported) BOOST_REQUIRE_MESSAGE(saved.count(id), "visit " << id << " was reported committed but is lost");
    }
    BOOST_TEST_MESSAGE(reported.size() << " visits reported committed over " << kKillRounds << " kills");
    BOOST_CHECK_EQUAL(test::integrityCheck(file), "ok");
    // The anchor file may lag behind the journal (killed between the commit and the anchor's write,
    // or in the middle of writing it) but never claims more than the journal holds.
    storage::FacilityJournal journal(test::location(file));  // opens, recovers the WAL, migrates nothing
    BOOST_CHECK(test::verifyJournal(file).intact());
    // Every visit has its audit row: no transaction was half-applied.
    BOOST_CHECK_EQUAL(test::scalar(file, "SELECT COUNT(*) FROM visits"),
                      test::scalar(file, "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.recorded'"));
}

BOOST_AUTO_TEST_CASE(ReadersDuringWritesSeeWholeTransactions) {
    TempFolder folder;
    auto file = folder / "journal.sqlite3";
    { storage::FacilityJournal create(test::location(file)); }
    ChildProcess writer({JOURNAL_WRITER, test::location(file), "W", "400"});
    storage::SqliteDatabase reader(file, true);
    long long lastSeen = 0;
    int reads = 0;
    bool writing = true;
    while (writing) {
        writing = !writer.outputEnded();
        writer.readLine(std::chrono::milliseconds(2));  // let the writer move on a little
        // One snapshot: the visits, their audit rows and the chain must agree with each other.
        reader.execute("BEGIN");
        long long visits = 0, audited = 0;
        {
            auto count = reader.prepare("SELECT (SELECT COUNT(*) FROM visits), "
                                        "(SELECT COUNT(*) FROM audit_log WHERE action = 'visit.recorded')");
            count.step();
            visits = count.integer(0);
            audited = count.integer(1);
        }
        bool intact = test::chainIntact(reader);
        reader.execute("COMMIT");
        ++reads;
        BOOST_REQUIRE_EQUAL(visits, audited);
        BOOST_REQUIRE_MESSAGE(intact, "the chain broke during writes");
        BOOST_REQUIRE_GE(visits, lastSeen);  // never goes back
        lastSeen = visits;
    }
    BOOST_CHECK_EQUAL(ChildProcess::exitCode(writer.wait()), 0);
    BOOST_TEST_MESSAGE(reads << " consistent reads while " << lastSeen << " visits were written");
    BOOST_CHECK_EQUAL(test::scalar(file, "SELECT COUNT(*) FROM visits"), 400);
}

// The journal keeps what it could not write in memory, in order, and the retry saves it once
// there is room again. `fill` takes the room away, `release` gives it back.
static void fullJournalKeepsTheVisitsAndTheRetrySavesThem(const std::filesystem::path& file,
                                                          const std::function<void(storage::FacilityJournal&)>& fill,
                                                          const std::function<void(storage::FacilityJournal&)>& release) {
    {
        storage::FacilityJournal journal(test::location(file));
        for (int i = 1; i <= 3; ++i) BOOST_REQUIRE(journal.recordVisit(test::sampleVisit("V" + std::to_string(i), "P1")).ok());
        fill(journal);

        // Visits with a large gateway answer need fresh pages: there is no room for them.
        VisitRecord big = test::sampleVisit("V-big", "P2");
        big.rawGatewayXml = "<XmlMsg>" + std::string(256 * 1024, 'x') + "</XmlMsg>";
        VisitRecord next = test::sampleVisit("V-next", "P3");
        next.rawGatewayXml = "<XmlMsg>" + std::string(64 * 1024, 'y') + "</XmlMsg>";
        auto saved = journal.recordVisit(big);
        BOOST_REQUIRE(!saved);
        BOOST_CHECK_EQUAL(saved.problem().code, "journal.disk_full");
        BOOST_CHECK_NE(saved.problem().message.find("disk is full"), std::string::npos);
        BOOST_CHECK_EQUAL(journal.unsavedCount(), 1u);
        // The next visit at the window waits behind it, in order.
        BOOST_CHECK(!journal.recordVisit(next));
        BOOST_CHECK_EQUAL(journal.unsavedCount(), 2u);
        BOOST_CHECK_EQUAL(journal.retryUnsaved(), 0);  // still full

        // Nothing is corrupted, and the earlier visits are all there.
        BOOST_CHECK_EQUAL(test::integrityCheck(file), "ok");
        BOOST_CHECK_EQUAL(test::scalar(file, "SELECT COUNT(*) FROM visits"), 3);
        BOOST_CHECK(test::chainIntact(journal.database()));

        // Space returns: the retry saves both, oldest first.
        release(journal);
        BOOST_CHECK_EQUAL(journal.retryUnsaved(), 2);
        BOOST_CHECK_EQUAL(journal.unsavedCount(), 0u);
        BOOST_CHECK_LT(test::scalar(file, "SELECT seq FROM audit_log WHERE visit_id = 'V-big'"),
                       test::scalar(file, "SELECT seq FROM audit_log WHERE visit_id = 'V-next'"));
    }
    BOOST_CHECK_EQUAL(test::integrityCheck(file), "ok");
    BOOST_CHECK_EQUAL(test::scalar(file, "SELECT COUNT(*) FROM visits"), 5);
    BOOST_CHECK_EQUAL(test::scalar(file, "SELECT length(raw_xml) FROM eligibility_snapshots WHERE visit_id = 'V-big'"),
                      256 * 1024 + 17);
    storage::SqliteDatabase db(file, true);
    BOOST_CHECK(test::chainIntact(db));
}

BOOST_AUTO_TEST_CASE(AJournalAtItsMaxPageCountKeepsTheVisitInMemoryAndTheRetrySavesIt) {
    TempFolder folder;
    const auto file = folder / "journal.sqlite3";
    fullJournalKeepsTheVisitsAndTheRetrySavesThem(
        file,
        [&file](storage::FacilityJournal& journal) {
            const long long pages = test::scalar(file, "PRAGMA page_count");
            journal.database().execute("PRAGMA max_page_count = " + std::to_string(pages + 1));
        },
        [](storage::FacilityJournal& journal) { journal.database().execute("PRAGMA max_page_count = 1073741823"); });
}

#ifndef _WIN32
// Run on its own by tests/storage/run_full_disk.sh (skipped where tmpfs cannot be mounted).
BOOST_AUTO_TEST_CASE(AFullTmpfsDiskKeepsTheVisitInMemoryAndTheRetrySavesIt) {
    TempFolder folder;
    TinyFileSystem disk(folder / "disk");
    BOOST_REQUIRE_MESSAGE(disk.mounted(), "cannot mount a tmpfs here (run as root, or let ctest report the skip)");
    fullJournalKeepsTheVisitsAndTheRetrySavesThem(
        folder / "disk" / "journal.sqlite3", [&disk](storage::FacilityJournal&) { disk.fill(); },
        [&disk](storage::FacilityJournal&) { disk.release(); });
}
#endif

BOOST_AUTO_TEST_SUITE_END()
