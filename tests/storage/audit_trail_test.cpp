// The hash-chained audit trail: tampering done outside the application, straight on the file with
// the sqlite3 C API (triggers dropped first), is found by verifyAuditChain and `audit verify`.
#include <sqlite3.h>
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>

#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;
using madoguchi::test::TempFolder;

namespace {

// A journal with six audited actions: four visits, a re-tag and a read of a patient's data.
std::filesystem::path journalWithSixAuditRows(const TempFolder& folder) {
    auto file = folder / "journal.sqlite3";
    storage::SqliteVisitJournal journal(file);
    for (int i = 1; i <= 4; ++i)
        BOOST_REQUIRE(journal.recordVisit(test::oldClaimVisit("V" + std::to_string(i), "P" + std::to_string(i), at(2026, 11, 25, 9 + i))).ok());
    BOOST_REQUIRE(journal.retag({"V2", ClaimRoute::Current, "jimucho", "資格確認書", "scan 2", at(2026, 11, 26)}).ok());
    journal.recordAccess("uketsuke1", "P1", "eligibility", at(2026, 11, 26, 10));
    return file;
}

// What someone with the file and the sqlite3 tool could do: no triggers, no application.
void tamper(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    std::string script = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sql;
    int rc = sqlite3_exec(db, script.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

std::optional<storage::AuditBreak> verify(const std::filesystem::path& file) {
    storage::Database db(file, true);
    return storage::verifyAuditChain(db);
}

struct CliRun {
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

CliRun auditVerify(const std::filesystem::path& file) {
    std::string command = std::string(MADOGUCHI_CLI) + " audit verify --db '" + file.string() + "' 2>&1";
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe);
    char chunk[512];
    while (std::size_t n = fread(chunk, 1, sizeof chunk, pipe)) run.output.append(chunk, n);
    int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AuditTrail)

BOOST_AUTO_TEST_CASE(AnUntouchedChainVerifies) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    BOOST_CHECK(!verify(file));
    CliRun run = auditVerify(file);
    BOOST_CHECK_EQUAL(run.exitCode, 0);
    BOOST_CHECK_MESSAGE(run.output.find("\"intact\": true, \"rows\": 6") != std::string::npos, run.output);
}

BOOST_AUTO_TEST_CASE(TheApplicationCannotChangeOrDeleteARow) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    storage::Database db(file);
    BOOST_CHECK_THROW(db.execute("UPDATE audit_log SET staff_id = 'someone' WHERE seq = 2"), storage::StorageError);
    BOOST_CHECK_THROW(db.execute("DELETE FROM audit_log WHERE seq = 2"), storage::StorageError);
}

BOOST_AUTO_TEST_CASE(AChangedRowIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file, "UPDATE audit_log SET staff_id = 'nobody' WHERE seq = 3;");
    auto broken = verify(file);
    BOOST_REQUIRE(broken);
    BOOST_CHECK_EQUAL(broken->seq, 3);
    BOOST_CHECK_NE(broken->why.find("changed"), std::string::npos);
    CliRun run = auditVerify(file);
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(run.output.find("\"first_bad_row\": 3") != std::string::npos, run.output);
    BOOST_CHECK_MESSAGE(run.output.find("row 3") != std::string::npos, run.output);
}

BOOST_AUTO_TEST_CASE(ARowWhoseHashWasReplacedIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file, "UPDATE audit_log SET detail = 'forged', row_hash = '" + std::string(64, 'a') + "' WHERE seq = 2;");
    auto broken = verify(file);
    BOOST_REQUIRE(broken);
    BOOST_CHECK_EQUAL(broken->seq, 2);
}

BOOST_AUTO_TEST_CASE(APreviousHashPointingElsewhereIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file, "UPDATE audit_log SET prev_hash = (SELECT row_hash FROM audit_log WHERE seq = 1) WHERE seq = 5;");
    auto broken = verify(file);
    BOOST_REQUIRE(broken);
    BOOST_CHECK_EQUAL(broken->seq, 5);
    BOOST_CHECK_NE(broken->why.find("does not follow"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(ADeletedRowIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file, "DELETE FROM audit_log WHERE seq = 4;");
    auto broken = verify(file);
    BOOST_REQUIRE(broken);
    BOOST_CHECK_EQUAL(broken->seq, 5);  // the first row after the gap
    BOOST_CHECK_NE(broken->why.find("row 4 is missing"), std::string::npos);
    CliRun run = auditVerify(file);
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(run.output.find("row 4 is missing") != std::string::npos, run.output);
}

BOOST_AUTO_TEST_CASE(ARowInsertedInTheMiddleIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    // Make room after row 2 (renumbering from the end) and slip a row in that claims to follow it.
    tamper(file,
           "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3; UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103; "
           "INSERT INTO audit_log(seq, at, staff_id, action, patient_id, visit_id, detail, prev_hash, row_hash) "
           "SELECT 3, '2026-11-25T12:00:00', 'intruder', 'patient.read', 'P9', '', 'eligibility', row_hash, "
           "'" + std::string(64, 'b') + "' FROM audit_log WHERE seq = 2;");
    auto broken = verify(file);
    BOOST_REQUIRE(broken);
    BOOST_CHECK_EQUAL(broken->seq, 3);
    CliRun run = auditVerify(file);
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(run.output.find("\"first_bad_row\": 3") != std::string::npos, run.output);
}

BOOST_AUTO_TEST_CASE(ARowAppendedOutsideTheApplicationIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file,
           "INSERT INTO audit_log(seq, at, staff_id, action, patient_id, visit_id, detail, prev_hash, row_hash) "
           "SELECT 7, '2026-11-27T08:00:00', 'intruder', 'visit.recorded', 'P9', 'V9', 'current', row_hash, "
           "'" + std::string(64, 'c') + "' FROM audit_log WHERE seq = 6;");
    auto broken = verify(file);
    BOOST_REQUIRE(broken);
    BOOST_CHECK_EQUAL(broken->seq, 7);
    BOOST_CHECK_EQUAL(auditVerify(file).exitCode, 1);
}

BOOST_AUTO_TEST_CASE(TheChainGoesOnAcrossReopening) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    {
        storage::SqliteVisitJournal journal(file);
        journal.recordAccess("yakuzaishi", "P2", "eligibility", at(2026, 11, 27));
    }
    BOOST_CHECK(!verify(file));
    BOOST_CHECK_EQUAL(test::scalar(file, "SELECT MAX(seq) FROM audit_log"), 7);
}

BOOST_AUTO_TEST_SUITE_END()
