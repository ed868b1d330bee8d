#pragma once
// The facility's visit journal, on either engine of the storage port: a SQLite file for one
// window (WAL, synchronous=FULL), or the site's PostgreSQL server shared by every window. It
// implements the domain's VisitJournal and ManagerJournal ports. A visit that cannot be written
// (full disk, failing disk, locked file, the server unreachable) is kept in memory, in order, and
// retried before the next visit is written and whenever retryUnsaved() is called; nothing is lost
// silently.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/manager_reports.h"
#include "domain/ports/manager_journal.h"
#include "domain/ports/visit_journal.h"
#include "storage/audit_key.h"
#include "storage/audit_trail.h"
#include "storage/database.h"

namespace madoguchi::storage {

// $XDG_DATA_HOME/madoguchi/<facility>.sqlite3 (else ~/.local/share/madoguchi/…).
std::filesystem::path defaultJournalPath(const std::string& facility = "facility");
std::string hostName();  // the default window name

class FacilityJournal : public VisitJournal, public ManagerJournal {
public:
    // location: a journal file, or a postgresql:// URI (open_database.h). Opens and migrates;
    // loads (or creates) the audit key and keys a plain chain; throws StorageError. A journal
    // file, its -wal/-shm and the anchor file are made private (0600). Every window of a site
    // must hold the same audit key (docs/site.md).
    explicit FacilityJournal(const std::string& location,
                             const std::filesystem::path& auditKeyPath = defaultAuditKeyPath());

    Outcome<bool> recordVisit(const VisitRecord& visit) override;
    // Many visits in one transaction (imports, generated data): all or nothing.
    Outcome<bool> recordVisits(const std::vector<VisitRecord>& visits);
    std::optional<PastEligibility> lastEligibility(const std::string& patientId) override;
    Outcome<bool> retag(const Retag& retag) override;
    std::vector<Outcome<bool>> retagAll(const std::vector<Retag>& retags) override;
    Outcome<bool> attachLateAnswer(const std::string& pendingRequestId, const EligibilityResult& result,
                                   const std::string& rawXml, const LocalDateTime& receivedAt) override;
    Outcome<bool> closeRejectedRequest(const std::string& pendingRequestId, const std::string& reason,
                                       const LocalDateTime& at) override;

    // Visits kept in memory after a failed write; retryUnsaved() writes what it can, oldest first,
    // and returns how many it saved.
    std::size_t unsavedCount() const;
    int retryUnsaved();

    VisitList visitsBetween(const Date& from, const Date& to) override;
    std::map<Date, MonthPatients> patientsByMonth(const Date& from, const Date& to) override;
    VisitList followUps() override;  // OLD and UNKNOWN claims, oldest first
    std::vector<RecheckCandidate> recheckCandidates() override;
    std::map<Date, int> officialRates() override;    // month → basis points
    Outcome<bool> setOfficialRate(const Date& month, int basisPoints, const std::string& staffId,
                                  const LocalDateTime& at) override;
    // The day the facility reached a 申立書 patient later (the 摘要欄's 患者への連絡を行った日).
    Outcome<bool> recordPatientContacted(const std::string& visitId, const Date& contactedOn, const std::string& staffId,
                                         const LocalDateTime& at);
    VisitList visit(const std::string& visitId);  // the visit with its 摘要欄 text (none: not in the journal)
    void recordAccess(const std::string& staffId, const std::string& patientId, const std::string& what,
                      const LocalDateTime& at) override;
    // A read of many patients' data at once (a report): one audit row per patient, one commit.
    void recordReads(const std::string& staffId, const std::vector<std::string>& patientIds, const std::string& what,
                     const LocalDateTime& at);
    // Any other audited event (sign-in, staff and settings changes, exports), in its own commit;
    // the entry's window is this journal's window. Throws StorageError.
    void audit(AuditEntry entry);
    // When `action` was last audited for the patient (a 薬剤情報 fetch, …): to keep it from repeating.
    // A patient without a patient number is known by the visit, as the audit rows name them
    // (patient_id empty, the visit's id): then the visit's rows count. Seeks the audit_by_patient
    // index (schema 8); call it off the GUI thread all the same.
    std::optional<LocalDateTime> lastAudited(const std::string& action, const std::string& patientId,
                                             const std::string& visitId);

    // Which window or program writes (the window-name setting; default: this host's name).
    void setWindow(const std::string& window) { window_ = window; }
    const std::string& window() const { return window_; }
    const AuditKey& auditKey() const { return key_; }
    const std::filesystem::path& anchorPath() const { return anchorPath_; }

    // The same journal (key, window, anchor) on a connection of its own, for another thread:
    // a connection serves one thread at a time. Nothing is migrated or re-keyed. Throws StorageError.
    std::unique_ptr<FacilityJournal> anotherConnection() const;

    Database& database() { return *db_; }
    const std::string& location() const { return location_; }  // as given: a file or a URI

private:
    FacilityJournal(const FacilityJournal& other);  // anotherConnection()
    void writeVisit(const VisitRecord& visit);  // inside the caller's transaction
    void saveVisit(const VisitRecord& visit);   // in its own transaction; throws StorageError
    int saveUnsavedLocked();                    // with mutex_ held
    void commitAndAnchor(Transaction& transaction, const std::string& at);  // then the head goes to the anchor file
    void appendAuditRow(AuditEntry entry);      // inside the caller's transaction, with this window
    void appendAuditRows(std::vector<AuditEntry> entries);  // the same, many in order (the head read once)

    std::unique_ptr<Database> db_;
    std::string location_;
    AuditKey key_;
    std::filesystem::path anchorPath_;
    std::string window_;
    mutable std::mutex mutex_;
    std::vector<VisitRecord> unsaved_;
};

}  // namespace madoguchi::storage
