#pragma once
// Shared by the storage tests and their helper programs: sample visits, where a test's journal
// lives (a file, or a database on the run's private PostgreSQL server), and direct SQL looks into
// a journal beside the journal's own API.
#include <filesystem>
#include <string>

#include "domain/ports/clock.h"
#include "domain/visit_record.h"
#include "storage/audit_trail.h"
#include "storage/database.h"
#include "storage/visit_journal.h"
#include "temp_folder.h"

namespace madoguchi::test {

LocalDateTime at(int year, unsigned month, unsigned day, int hour = 9, int minute = 0);

// A finished online-card visit (CURRENT, 3割) for `patientId`, started at `started`.
VisitRecord sampleVisit(const std::string& visitId, const std::string& patientId,
                        const LocalDateTime& started = at(2026, 11, 25));
// Same, but the eligibility came from the past record (OLD) or the 申立書 (UNKNOWN).
VisitRecord oldClaimVisit(const std::string& visitId, const std::string& patientId, const LocalDateTime& started);
VisitRecord unknownClaimVisit(const std::string& visitId, const std::string& patientId, const LocalDateTime& started);

// The engine the storage suite runs on: PostgreSQL when MADOGUCHI_TEST_ENGINE=postgres (the
// ctest `qa_storage_postgres`, label postgres), else SQLite. One suite, two parameters.
bool onServer();
bool onSqlite();  // for Boost.Test preconditions: the cases about the SQLite file itself
class PostgresServer;
// This run's private server (postgres_server.h): started at the first call, stopped at exit.
PostgresServer& testServer();

// Where one test's journal lives: journal() is a file in the test's own folder, or a new
// database on the run's server. The folder also holds what the PC keeps locally (password files,
// the anchor file of a server journal: XDG_DATA_HOME points into it on the server runs).
class JournalPlace {
public:
    JournalPlace();
    const std::string& journal() const { return journal_; }
    const std::filesystem::path& path() const { return folder_.path(); }
    std::filesystem::path operator/(const std::string& name) const { return folder_ / name; }

private:
    TempFolder folder_;
    std::string journal_;
};

// A journal file as the storage port takes its location: UTF-8 text (on Windows path::string()
// would give the C runtime's narrow code page).
std::string location(const std::filesystem::path& file);

// One integer (or text) answer of a query on its own connection; location: a file or a URI.
// Schema 9 taken off a journal (inside the caller's transaction): the visits without the patient's
// name, its trigger and the daily index; visits_by_date and schema 7's follow-up index as before.
// Tests that take a journal back to an older schema start here; the caller sets the version.
void undoSchemaNine(storage::Database& db);

// How the engine runs a question: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN lines
// with sequential scans discouraged (its planner reads a small table directly), one a line.
std::string planOf(const std::string& location, const std::string& question);

long long scalar(const std::string& location, const std::string& sql);
long long scalar(const std::filesystem::path& file, const std::string& sql);
std::string text(const std::string& location, const std::string& sql);
std::string text(const std::filesystem::path& file, const std::string& sql);
std::string integrityCheck(const std::filesystem::path& db);  // SQLite: "ok" when intact

// A clock that says what the test tells it.
struct FixedTestClock : Clock {
    explicit FixedTestClock(LocalDateTime at) : time(at) {}
    LocalDateTime now() const override { return time; }
    LocalDateTime time;
};

// The audit trail of a journal against its anchor file, with the key the journal used.
storage::AuditVerdict verifyJournal(const std::string& location);
storage::AuditVerdict verifyJournal(const std::filesystem::path& file);
// How many anchors (one per commit) an anchor file holds.
long long anchorLineCount(const std::filesystem::path& anchorFile);
// The chain alone (no anchors), on a connection the caller holds (e.g. inside a read snapshot).
bool chainIntact(storage::Database& db);
// A password file as scripts keep it: 0600, one line.
std::filesystem::path passwordFile(const std::filesystem::path& folder, const std::string& password);

}  // namespace madoguchi::test
