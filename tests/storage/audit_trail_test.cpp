// The keyed audit trail: every attack is done outside the application, straight on the file with
// the sqlite3 C API (triggers dropped first) or on the anchor file, and is found by verifyAudit
// and by `madoguchi-cli audit verify`, which names what it found and since when.
#include <sqlite3.h>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "child_process.h"
#include "storage/staff_accounts.h"
#include "storage/sqlite.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;
using madoguchi::test::TempFolder;

namespace {

const std::string kAdminPassword = "audit-admin-passphrase";

// A journal with six audited actions: four visits, a re-tag and a read of a patient's data, and
// an administrator (made directly, so the trail has exactly those six rows).
std::filesystem::path journalWithSixAuditRows(const TempFolder& folder) {
    auto file = folder / "journal.sqlite3";
    storage::FacilityJournal journal(test::location(file));
    for (int i = 1; i <= 4; ++i)
        BOOST_REQUIRE(journal.recordVisit(test::oldClaimVisit("V" + std::to_string(i), "P" + std::to_string(i), at(2026, 11, 25, 9 + i))).ok());
    BOOST_REQUIRE(journal.retag({"V2", ClaimRoute::Current, "jimucho", "資格確認書", "scan 2", at(2026, 11, 26)}).ok());
    journal.recordAccess("uketsuke1", "P1", "eligibility", at(2026, 11, 26, 10));
    std::string password = kAdminPassword;
    BOOST_REQUIRE(storage::createStaff(journal.database(), {"admin", "管理者", StaffRole::Admin}, password).ok());
    return file;
}

// What someone with the file and the sqlite3 tool could do: no triggers, no application.
void tamper(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(reinterpret_cast<const char*>(file.u8string().c_str()), &db), SQLITE_OK);
    char* error = nullptr;
    std::string script = "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; " + sql;
    int rc = sqlite3_exec(db, script.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

// The attacker who knows the chain's layout but not the key: rewrites rows from `from` on and
// recomputes every seal after them with plain SHA-256, as the old keyless chain allowed.
void recomputeChainFrom(const std::filesystem::path& file, long long from, const std::string& newDetail) {
    tamper(file, "UPDATE audit_log SET detail = '" + newDetail + "' WHERE seq = " + std::to_string(from) + ";");
    storage::SqliteDatabase db(file);
    auto rows = db.prepare(
        "SELECT seq, at, staff_id, action, patient_id, visit_id, detail, window, row_hash FROM audit_log ORDER BY seq");
    std::string previous(64, '0');
    struct Reseal {
        long long seq;
        std::string previous, seal;
    };
    std::vector<Reseal> reseals;
    while (rows.step()) {
        long long seq = rows.integer(0);
        if (seq >= from) {
            storage::AuditEntry entry{rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5), rows.text(6), rows.text(7)};
            reseals.push_back({seq, previous, storage::plainRowHash(seq, entry, previous)});
        }
        previous = seq >= from ? reseals.back().seal : rows.text(8);
    }
    rows.reset();
    for (const Reseal& r : reseals)
        db.prepare("UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE seq = ?")
            .bind(1, r.previous).bind(2, r.seal).bind(3, static_cast<std::int64_t>(r.seq)).run();
}

struct CliRun {
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

// The command-line program on its own (no shell), its output (with `withErrors` standard error too).
CliRun cli(std::vector<std::string> arguments, bool withErrors = true) {
    arguments.insert(arguments.begin(), MADOGUCHI_CLI);
    test::ChildProcess program(arguments, withErrors);
    CliRun run;
    run.output = program.readAll();
    run.exitCode = test::ChildProcess::exitCode(program.wait());
    return run;
}

CliRun auditVerify(const TempFolder& folder, const std::filesystem::path& file, std::vector<std::string> more = {}) {
    auto password = test::passwordFile(folder.path(), kAdminPassword);
    std::vector<std::string> arguments{"audit", "verify", "--db", file.string(), "--user", "admin", "--password-file", password.string()};
    arguments.insert(arguments.end(), more.begin(), more.end());
    return cli(arguments);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(AuditTrail)

BOOST_AUTO_TEST_CASE(AnUntouchedChainVerifies) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    auto verdict = test::verifyJournal(file);
    BOOST_CHECK(verdict.intact());
    BOOST_CHECK_EQUAL(verdict.rows, 6);
    BOOST_CHECK_EQUAL(verdict.anchoredRows, 6);
    CliRun run = auditVerify(folder, file);
    BOOST_CHECK_EQUAL(run.exitCode, 0);
    BOOST_CHECK_MESSAGE(has(run.output, "\"intact\": true"), run.output);
    // The verification itself is audited: the administrator's sign-in is row 7.
    BOOST_CHECK_EQUAL(test::text(file, "SELECT action || ' ' || staff_id FROM audit_log WHERE seq = 7"), "staff.sign_in admin");
}

#ifndef _WIN32  // Windows: the DACLs are qa_windows_files' cases; Wine keeps a file's access through chmod
BOOST_AUTO_TEST_CASE(TheKeyIsPrivateAndOutsideTheJournal) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    auto key = storage::defaultAuditKeyPath();
    struct stat info {};
    BOOST_REQUIRE_EQUAL(stat(key.c_str(), &info), 0);
    BOOST_CHECK_EQUAL(info.st_mode & 0777, 0600u);
    BOOST_REQUIRE_EQUAL(stat(key.parent_path().c_str(), &info), 0);
    BOOST_CHECK_EQUAL(info.st_mode & 0777, 0700u);
    for (const char* suffix : {"", ".anchor"}) {
        BOOST_REQUIRE_EQUAL(stat((file.string() + suffix).c_str(), &info), 0);
        BOOST_CHECK_MESSAGE((info.st_mode & 0777) == 0600u, file.string() + suffix);
    }
    // A key others may read is refused, with the reason, rather than used.
    chmod(key.c_str(), 0644);
    BOOST_CHECK_EXCEPTION(storage::FacilityJournal journal(test::location(file)), storage::StorageError,
                          [](const storage::StorageError& e) { return has(e.what(), "may be read by others"); });
    chmod(key.c_str(), 0600);
}
#endif

BOOST_AUTO_TEST_CASE(TheApplicationCannotChangeOrDeleteARow) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    storage::SqliteDatabase db(file);
    BOOST_CHECK_THROW(db.execute("UPDATE audit_log SET staff_id = 'someone' WHERE seq = 2"), storage::StorageError);
    BOOST_CHECK_THROW(db.execute("DELETE FROM audit_log WHERE seq = 2"), storage::StorageError);
}

BOOST_AUTO_TEST_CASE(AChangedRowIsNamedWithTheTimeTheChainWasLastIntact) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file, "UPDATE audit_log SET staff_id = 'nobody' WHERE seq = 3;");
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].row, 3);
    BOOST_CHECK_EQUAL(verdict.findings[0].what, "changed");
    BOOST_CHECK_EQUAL(verdict.findings[0].intactUpTo, "2026-11-25T11:03:00");  // row 2 (visit V2 completed), the last that fits
    CliRun run = auditVerify(folder, file);
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(has(run.output, "\"first_bad_row\": 3"), run.output);
    BOOST_CHECK_MESSAGE(has(run.output, "\"broken_since\": \"2026-11-25T11:03:00\""), run.output);
    BOOST_CHECK_MESSAGE(has(run.output, "row 3: its content does not match its seal (changed)"), run.output);
}

BOOST_AUTO_TEST_CASE(AChainRecomputedWithoutTheKeyIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    recomputeChainFrom(file, 4, "forged");  // every seal after row 3 fits the rewritten content
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].row, 4);
    BOOST_CHECK_EQUAL(verdict.findings[0].what, "resealed");
    BOOST_CHECK_GE(verdict.findingCount, 3);  // rows 4, 5, 6, and the anchors that name them
    CliRun run = auditVerify(folder, file);
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(has(run.output, "sealed without the audit key (the chain was recomputed"), run.output);
}

BOOST_AUTO_TEST_CASE(AChainRecomputedFromTheFirstRowIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    std::filesystem::remove(storage::anchorPathFor(file));  // and the anchor file removed too
    recomputeChainFrom(file, 1, "forged");
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].row, 1);
    BOOST_CHECK_EQUAL(verdict.findings[0].what, "resealed");
    BOOST_CHECK_EQUAL(verdict.findings[0].intactUpTo, "");  // broken from the start
}

BOOST_AUTO_TEST_CASE(ADeletedRowIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file, "DELETE FROM audit_log WHERE seq = 4;");
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].row, 5);  // the first row after the gap
    BOOST_CHECK(has(verdict.findings[0].message, "row 4 is missing"));
    CliRun run = auditVerify(folder, file);
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(has(run.output, "row 4 is missing"), run.output);
}

BOOST_AUTO_TEST_CASE(ADeletedTailIsNamedFromTheAnchor) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file, "DELETE FROM audit_log WHERE seq >= 5;");  // the rest of the chain still fits
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].what, "truncated");
    BOOST_CHECK_EQUAL(verdict.findings[0].row, 5);
    BOOST_CHECK_EQUAL(verdict.findings[0].intactUpTo, "2026-11-25T13:03:00");  // row 4
    CliRun run = auditVerify(folder, file);
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(has(run.output, "rows 5 to 6 are missing from the end (deleted)"), run.output);
}

BOOST_AUTO_TEST_CASE(ADeletedTailWithItsAnchorFileIsNamedFromTheDailyExport) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    auto password = test::passwordFile(folder.path(), kAdminPassword);
    auto exported = folder / "daily.csv";
    CliRun report = cli({"report", "daily", "--date", "2026-11-25", "--format", "csv", "--db", file.string(), "--user", "admin",
                         "--password-file", password.string()},
                        false);
    BOOST_REQUIRE_EQUAL(report.exitCode, 0);
    std::ofstream(exported, std::ios::binary) << report.output;
    tamper(file, "DELETE FROM audit_log WHERE seq >= 5;");
    std::filesystem::remove(storage::anchorPathFor(file));
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].what, "anchor");  // no anchor file: cannot rule a cut out
    CliRun run = auditVerify(folder, file, {"--export", exported.string()});
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(has(run.output, "are missing from the end (deleted)"), run.output);
}

BOOST_AUTO_TEST_CASE(AForgedAnchorLineIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    std::ofstream(storage::anchorPathFor(file), std::ios::app)
        << "# audit anchor rows=2 head=" << std::string(64, 'd') << " at=2026-11-27T08:00:00 seal=" << std::string(64, 'e') << "\n";
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].what, "anchor");
    BOOST_CHECK(has(verdict.findings[0].message, "does not carry a valid seal"));
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
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].row, 3);
    CliRun run = auditVerify(folder, file);
    BOOST_CHECK_EQUAL(run.exitCode, 1);
    BOOST_CHECK_MESSAGE(has(run.output, "\"first_bad_row\": 3"), run.output);
}

BOOST_AUTO_TEST_CASE(ARowAppendedOutsideTheApplicationIsNamed) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    tamper(file,
           "INSERT INTO audit_log(seq, at, staff_id, action, patient_id, visit_id, detail, prev_hash, row_hash) "
           "SELECT 7, '2026-11-27T08:00:00', 'intruder', 'visit.recorded', 'P9', 'V9', 'current', row_hash, "
           "'" + std::string(64, 'c') + "' FROM audit_log WHERE seq = 6;");
    auto verdict = test::verifyJournal(file);
    BOOST_REQUIRE(!verdict.intact());
    BOOST_CHECK_EQUAL(verdict.findings[0].row, 7);
}

BOOST_AUTO_TEST_CASE(TheChainGoesOnAcrossReopening) {
    TempFolder folder;
    auto file = journalWithSixAuditRows(folder);
    {
        storage::FacilityJournal journal(test::location(file));
        journal.recordAccess("yakuzaishi", "P2", "eligibility", at(2026, 11, 27));
    }
    BOOST_CHECK(test::verifyJournal(file).intact());
    BOOST_CHECK_EQUAL(test::scalar(file, "SELECT MAX(seq) FROM audit_log"), 7);
}

BOOST_AUTO_TEST_SUITE_END()
