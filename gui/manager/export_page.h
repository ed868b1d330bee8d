#pragma once
// CSV export of the visits between two days (app/visits_csv.h, the same format as the CLI).
#include <filesystem>

#include <wx/panel.h>

#include "domain/date.h"
#include "domain/outcome.h"
#include "storage/visit_journal.h"

class wxCheckBox;
class wxDatePickerCtrl;
class wxStaticText;

namespace madoguchi::gui {

// Writes the visits from..to (inclusive) as CSV; the number of visits written.
Outcome<int> exportVisitsCsv(storage::SqliteVisitJournal& journal, const Date& from, const Date& to,
                             const std::filesystem::path& path, bool withBom);

class ExportPage : public wxPanel {
public:
    ExportPage(wxWindow* parent, storage::SqliteVisitJournal& journal, const Date& today);

private:
    void onExportClicked();

    storage::SqliteVisitJournal& journal_;
    wxDatePickerCtrl* from_ = nullptr;
    wxDatePickerCtrl* to_ = nullptr;
    wxCheckBox* bom_ = nullptr;
    wxStaticText* status_ = nullptr;
};

}  // namespace madoguchi::gui
