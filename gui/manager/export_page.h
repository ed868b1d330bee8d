#pragma once
// CSV export of the visits between two days (app/visits_csv.h, the same format as the CLI).
#include <filesystem>

#include <wx/panel.h>

#include "domain/date.h"
#include "domain/outcome.h"
#include "domain/ports/clock.h"
#include "domain/staff.h"
#include "storage/staff_accounts.h"
#include "storage/visit_journal.h"

class wxCheckBox;
class wxDatePickerCtrl;
class wxStaticText;

namespace madoguchi::gui {

// Writes the visits from..to (inclusive) as CSV (0600: the process's umask) when `who` may read
// the reports; the number of visits written. The audit trail gets who exported what, how many
// rows and where, and one patient.read row per patient in the file.
Outcome<int> exportVisitsCsv(storage::FacilityJournal& journal, const StaffMember& who, const LocalDateTime& at,
                             const Date& from, const Date& to, const std::filesystem::path& path, bool withBom);

class ExportPage : public wxPanel {
public:
    ExportPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member, const Clock& clock);

private:
    void onExportClicked();

    storage::FacilityJournal& journal_;
    storage::StaffStanding member_;  // the role re-read at every action
    const Clock& clock_;
    wxDatePickerCtrl* from_ = nullptr;
    wxDatePickerCtrl* to_ = nullptr;
    wxCheckBox* bom_ = nullptr;
    wxStaticText* status_ = nullptr;
};

}  // namespace madoguchi::gui
