#pragma once
// Shared by the storage tests and their helper programs: sample visits and direct SQL looks into
// a journal file, beside the journal's own API.
#include <filesystem>
#include <string>

#include "domain/ports/clock.h"
#include "domain/visit_record.h"
#include "storage/audit_trail.h"
#include "storage/sqlite.h"
#include "storage/visit_journal.h"

namespace madoguchi::test {

LocalDateTime at(int year, unsigned month, unsigned day, int hour = 9, int minute = 0);

// A finished online-card visit (CURRENT, 3割) for `patientId`, started at `started`.
VisitRecord sampleVisit(const std::string& visitId, const std::string& patientId,
                        const LocalDateTime& started = at(2026, 11, 25));
// Same, but the eligibility came from the past record (OLD) or the 申立書 (UNKNOWN).
VisitRecord oldClaimVisit(const std::string& visitId, const std::string& patientId, const LocalDateTime& started);
VisitRecord unknownClaimVisit(const std::string& visitId, const std::string& patientId, const LocalDateTime& started);

// One integer (or text) answer of a query on its own connection.
long long scalar(const std::filesystem::path& db, const std::string& sql);
std::string text(const std::filesystem::path& db, const std::string& sql);
std::string integrityCheck(const std::filesystem::path& db);  // "ok" when intact

// A clock that says what the test tells it.
struct FixedTestClock : Clock {
    explicit FixedTestClock(LocalDateTime at) : time(at) {}
    LocalDateTime now() const override { return time; }
    LocalDateTime time;
};

// The audit trail of a journal file against its anchor file, with the key the journal used.
storage::AuditVerdict verifyJournal(const std::filesystem::path& db);
// The chain alone (no anchors), on a connection the caller holds (e.g. inside a read snapshot).
bool chainIntact(storage::Database& db);
// A password file as scripts keep it: 0600, one line.
std::filesystem::path passwordFile(const std::filesystem::path& folder, const std::string& password);

}  // namespace madoguchi::test
