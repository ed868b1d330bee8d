// Schema migrations by PRAGMA user_version: every earlier version, with its data, opens in the
// current program and loses nothing; a newer file is refused.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "domain/manager_desk.h"
#include "storage/schema.h"
#include "storage/sqlite.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;
using madoguchi::test::scalar;
using madoguchi::test::TempFolder;

namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

// The schema as sqlite_master has it, for comparing a migrated file with a fresh one.
std::string schemaOf(const std::filesystem::path& file) {
    storage::SqliteDatabase db(file, true);
    auto rows = db.prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name");
    std::string schema;
    while (rows.step()) schema += rows.text(0) + " " + rows.text(1) + ": " + rows.text(2) + "\n";
    return schema;
}

// A row of the plain (keyless) chain, as versions 1 and 2 wrote it.
void appendPlainRow(storage::Database& db, long long seq, const storage::AuditEntry& e, std::string& previous) {
    std::string seal = storage::plainRowHash(seq, e, previous);
    db.prepare("INSERT INTO audit_log(seq, at, staff_id, action, patient_id, visit_id, detail, prev_hash, row_hash) "
               "VALUES(?,?,?,?,?,?,?,?,?)")
        .bind(1, static_cast<std::int64_t>(seq)).bind(2, e.at).bind(3, e.staffId).bind(4, e.action)
        .bind(5, e.patientId).bind(6, e.visitId).bind(7, e.detail).bind(8, previous).bind(9, seal).run();
    previous = seal;
}

// A version-1 journal as that version wrote it: the frozen SQL, and its plain audit chain.
std::filesystem::path versionOneJournal(const TempFolder& folder) {
    auto file = folder / "journal-v1.sqlite3";
    storage::SqliteDatabase db(file);
    db.execute(readFile(std::filesystem::path(STORAGE_TEST_DATA) / "journal_v1.sql"));
    std::string previous(64, '0');
    appendPlainRow(db, 1, {"2025-03-03T09:05:00", "uketsuke1", "visit.recorded", "P1", "V1", "current", ""}, previous);
    appendPlainRow(db, 2, {"2025-03-05T09:00:00", "jimucho", "visit.retagged", "P1", "V1", "old -> current", ""}, previous);
    return file;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Migrations)

BOOST_AUTO_TEST_CASE(AnEmptyFileGetsTheWholeSchema) {
    TempFolder folder;
    storage::FacilityJournal journal(test::location(folder / "new.sqlite3"));
    BOOST_CHECK_EQUAL(journal.database().schemaVersion(), storage::currentSchemaVersion());
    BOOST_CHECK_EQUAL(test::text(folder / "new.sqlite3", "PRAGMA journal_mode"), "wal");
}

BOOST_AUTO_TEST_CASE(EachMigrationStepAppliesOnTheOneBefore) {
    TempFolder folder;
    for (int version = 0; version < storage::currentSchemaVersion(); ++version) {
        auto file = folder / ("from-" + std::to_string(version) + ".sqlite3");
        {
            storage::SqliteDatabase db(file);
            storage::configureConnection(db);
            storage::migrate(db, version);
            BOOST_CHECK_EQUAL(db.schemaVersion(), version);
        }
        storage::FacilityJournal journal(test::location(file));
        BOOST_CHECK_EQUAL(journal.database().schemaVersion(), storage::currentSchemaVersion());
        BOOST_TEST(journal.recordVisit(test::sampleVisit("V", "P")).ok());
    }
}

// Step 8 creates the index audit_by_patient: one already there makes it fail after step 7 ran.
BOOST_AUTO_TEST_CASE(AStepThatFailsLeavesTheJournalAtItsVersion) {
    TempFolder folder;
    storage::SqliteDatabase db(folder / "six.sqlite3");
    storage::configureConnection(db);
    storage::migrate(db, 6);
    db.execute("CREATE INDEX audit_by_patient ON visits(patient_id)");
    BOOST_CHECK_THROW(storage::migrate(db), std::exception);
    BOOST_CHECK_EQUAL(db.schemaVersion(), 6);
}

BOOST_AUTO_TEST_CASE(AVersionOneJournalWithDataMigratesIntact) {
    TempFolder folder;
    auto file = versionOneJournal(folder);
    BOOST_REQUIRE_EQUAL(scalar(file, "PRAGMA user_version"), 1);

    storage::FacilityJournal journal(test::location(file));
    BOOST_CHECK_EQUAL(journal.database().schemaVersion(), storage::currentSchemaVersion());
    // Same schema as a journal created by this program.
    storage::FacilityJournal fresh(test::location(folder / "fresh.sqlite3"));
    BOOST_CHECK_EQUAL(schemaOf(file), schemaOf(folder / "fresh.sqlite3"));

    // Every row is still there, with its values; the new column has its default.
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM patients"), 2);
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM visits WHERE visit_kind = 'unspecified'"), 3);
    BOOST_CHECK_EQUAL(scalar(file, "SELECT SUM(copay_yen) FROM visits"), 3710 + 800 + 1500);
    BOOST_CHECK_EQUAL(test::text(file, "SELECT raw_xml FROM eligibility_snapshots WHERE visit_id = 'V1'"),
                      "<XmlMsg><QualificationValidity>1</QualificationValidity></XmlMsg>");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT reason FROM retags"), "資格確認書を後日提示");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT role FROM staff WHERE id = 'admin'"), "admin");
    BOOST_CHECK(test::chainIntact(journal.database()));

    // And the program works on them.
    auto past = journal.lastEligibility("P2");
    BOOST_REQUIRE(past);
    BOOST_CHECK_EQUAL(past->insurance.insurerNumber, "39131008");
    BOOST_CHECK_EQUAL(past->patient.name, "佐藤　花子");
    auto followUps = journal.followUps();
    BOOST_REQUIRE_EQUAL(followUps.size(), 2u);
    BOOST_CHECK_EQUAL(followUps[0].visitId, "V2");
    BOOST_CHECK_EQUAL(followUps[1].visitId, "V3");
    EligibilityResult answer;
    answer.processExecutionTime = "20250306090000";
    answer.segmentOfResult.raw = answer.processingResultStatus.raw = answer.qualificationValidity.raw = "1";
    answer.results.resize(1);
    BOOST_TEST(journal.attachLateAnswer("REQ-77", answer, "<late/>", at(2025, 3, 6)).ok());
    BOOST_CHECK_EQUAL(test::text(file, "SELECT claim_route FROM visits WHERE id = 'V2'"), "current");
    BOOST_TEST(journal.recordVisit(test::sampleVisit("V4", "P1", at(2025, 3, 6))).ok());
    BOOST_CHECK(test::chainIntact(journal.database()));
}

BOOST_AUTO_TEST_CASE(APlainChainIsKeyedOnceAndItsPlainRowsStayChecked) {
    TempFolder folder;
    auto file = versionOneJournal(folder);
    std::string plainHead = test::text(file, "SELECT row_hash FROM audit_log WHERE seq = 2");
    { storage::FacilityJournal journal(test::location(file)); }
    { storage::FacilityJournal again(test::location(file)); }  // keyed once, not at every opening
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM audit_log WHERE action = 'audit.chain_keyed'"), 1);
    BOOST_CHECK_EQUAL(test::text(file, "SELECT detail FROM audit_log WHERE seq = 3"), "plain rows=2 head=" + plainHead);
    auto verdict = test::verifyJournal(file);
    BOOST_CHECK(verdict.intact());
    BOOST_CHECK_EQUAL(verdict.keyedFrom, 3);

    // Deleting a plain row and recomputing the plain chain (possible without the key) no longer
    // passes: the keyed row sealed the plain rows' count and head.
    {
        storage::SqliteDatabase db(file);
        db.execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 1;");
        db.execute("UPDATE audit_log SET seq = 1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3;");
        storage::AuditEntry kept{"2025-03-05T09:00:00", "jimucho", "visit.retagged", "P1", "V1", "old -> current", ""};
        std::string genesis(64, '0');
        std::string seal = storage::plainRowHash(1, kept, genesis);
        db.prepare("UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE seq = 1").bind(1, genesis).bind(2, seal).run();
        db.prepare("UPDATE audit_log SET prev_hash = ? WHERE seq = 2").bind(1, seal).run();
    }
    verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].row, 2);
}

BOOST_AUTO_TEST_CASE(AJournalFromANewerProgramIsRefused) {
    TempFolder folder;
    auto file = folder / "newer.sqlite3";
    {
        storage::SqliteDatabase db(file);
        db.setSchemaVersion(storage::currentSchemaVersion() + 1);
    }
    BOOST_CHECK_EXCEPTION(storage::FacilityJournal journal(test::location(file)), storage::StorageError,
                          [](const storage::StorageError& e) { return std::string(e.what()).find("newer") != std::string::npos; });
}

BOOST_AUTO_TEST_SUITE_END()
