#pragma once
// The patient PDFs saved at the window — the printed 被保険者資格申立書, the medication and
// checkup views (薬剤情報, 特定健診) saved as PDF and the terminal's own PDF answers of those: kept in a private folder
// (0700, each file 0600), each named by the day it was printed, and deleted once the retention
// period of the settings (self_declaration_retention_days) has passed. The day comes from the
// Clock port only, never from the files' times; every deletion is written to the audit trail.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/ports/clock.h"
#include "storage/visit_journal.h"

namespace madoguchi::storage {

// <YYYY-MM-DD>_<visitId>-<what>.pdf: the day it was saved leads the name. what: "self-declaration",
// "medication", "checkups", "medication-answer" or "checkups-answer"; their deletions are audited
// as self_declaration.deleted, medication.pdf_deleted and checkups.pdf_deleted.
std::string patientPdfFileName(const std::string& visitId, const std::string& what, const Date& saved);
// patientPdfFileName(visitId, "self-declaration", printed).
std::string selfDeclarationFileName(const std::string& visitId, const Date& printed);

class SelfDeclarationArchive {
public:
    // folder: where the window saves the PDFs; deletions are audited in `journal`.
    SelfDeclarationArchive(std::filesystem::path folder, int retentionDays, FacilityJournal& journal, const Clock& clock);

    // Once per day of the Clock (the first call of a day; later calls that day do nothing):
    // deletes every PDF printed more than retentionDays days before today, each audited
    // (self_declaration.deleted or its kind's action, by "system", with the visit and the file's
    // name), and makes the
    // folder 0700 and the files kept 0600. A PDF whose name carries no day (saved before this
    // rule) is given today's, so it is kept for the whole retention period from now. Returns the
    // files deleted; a file that cannot be deleted is audited (self_declaration.delete_failed)
    // (…delete_failed) and tried again at the next call.
    std::vector<std::filesystem::path> deleteExpired();

    const std::filesystem::path& folder() const { return folder_; }

private:
    std::optional<Date> printedOn(const std::filesystem::path& file) const;

    std::filesystem::path folder_;
    int retentionDays_;
    FacilityJournal& journal_;
    const Clock& clock_;
    std::optional<Date> lastRun_;
};

}  // namespace madoguchi::storage
