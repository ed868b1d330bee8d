#pragma once
// CSV export of the visits between two days (app/visits_csv.h, the same format as the CLI).
#include <filesystem>

#include <wx/panel.h>

#include "domain/date.h"
#include "domain/outcome.h"
#include "domain/ports/manager_journal.h"
#include "domain/staff.h"

class wxCheckBox;
class wxDatePickerCtrl;
class wxStaticText;

namespace madoguchi::gui {

// Writes the visits from..to (inclusive) as CSV when `who` may read the reports; the number of
// visits written.
Outcome<int> exportVisitsCsv(const StaffMember& who, ManagerJournal& journal, const Date& from, const Date& to,
                             const std::filesystem::path& path, bool withBom);

class ExportPage : public wxPanel {
public:
    ExportPage(wxWindow* parent, ManagerJournal& journal, const StaffMember& member, const Date& today);

private:
    void onExportClicked();

    ManagerJournal& journal_;
    StaffMember member_;
    wxDatePickerCtrl* from_ = nullptr;
    wxDatePickerCtrl* to_ = nullptr;
    wxCheckBox* bom_ = nullptr;
    wxStaticText* status_ = nullptr;
};

}  // namespace madoguchi::gui
