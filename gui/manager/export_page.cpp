#include "gui/manager/export_page.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <fstream>
#include <set>

#include "app/resources.h"
#include "app/visits_csv.h"
#include "domain/manager_desk.h"
#include "gui/manager/wx_dates.h"
#include "gui/settings/language.h"

namespace madoguchi::gui {

Outcome<int> exportVisitsCsv(storage::FacilityJournal& journal, const StaffMember& who, const LocalDateTime& at,
                             const Date& from, const Date& to, const std::filesystem::path& path, bool withBom) {
    auto listed = visitsForExport(who, journal, from, to);
    if (!listed) return listed.problem();
    const VisitList& visits = listed.value();
    auto codes = app::loadCodeTables();
    if (!codes) return codes.problem();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return Problem{"export.unwritable", N_("The CSV file cannot be written there.")};
    app::writeVisitsCsv(out, visits, codes.value(), withBom);
    out.flush();
    if (!out) return Problem{"export.unwritable", N_("The CSV file cannot be written there.")};
    std::vector<std::string> patients;
    std::set<std::string_view> seen;
    for (const auto& v : visits)
        if (!v.patientId.empty() && seen.insert(v.patientId).second) patients.emplace_back(v.patientId);
    std::string what = "CSV export " + from.iso() + ".." + to.iso();
    journal.recordReads(who.id, patients, what, at);
    journal.audit({at.iso(), who.id, "export.csv", "", "", what + ": " + std::to_string(visits.size()) + " rows to " + path.string(), ""});
    return static_cast<int>(visits.size());
}

ExportPage::ExportPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member, const Clock& clock)
    : wxPanel(parent), journal_(journal), member_(journal.database(), member), clock_(clock) {
    const Date today = clock.now().date;
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                _("Export the visits of a period as CSV (UTF-8) for a spreadsheet or the claim software.")),
               0, wxALL, 8);
    auto* grid = new wxFlexGridSizer(2, 8, 8);
    from_ = new wxDatePickerCtrl(this, wxID_ANY, toWxDate(today.firstOfMonth()));
    to_ = new wxDatePickerCtrl(this, wxID_ANY, toWxDate(today));
    grid->Add(new wxStaticText(this, wxID_ANY, _("From")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(from_);
    grid->Add(new wxStaticText(this, wxID_ANY, _("To")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(to_);
    sizer->Add(grid, 0, wxALL, 8);
    bom_ = new wxCheckBox(this, wxID_ANY, _("Add a byte-order mark so Excel reads Japanese"));
    bom_->SetValue(true);
    sizer->Add(bom_, 0, wxALL, 8);
    auto* button = new wxButton(this, wxID_ANY, _("Export CSV…"));
    sizer->Add(button, 0, wxALL, 8);
    status_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    sizer->Add(status_, 0, wxALL, 8);
    SetSizer(sizer);
    button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onExportClicked(); });
}

void ExportPage::onExportClicked() {
    Date from = fromWxDate(from_->GetValue());
    Date to = fromWxDate(to_->GetValue());
    wxFileDialog dialog(this, _("Export CSV"), wxEmptyString,
                        wxString::Format("madoguchi-visits-%s-%s.csv", from.compact(), to.compact()),
                        _("CSV files (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    auto written = exportVisitsCsv(journal_, member_.now(), clock_.now(), from, to, dialog.GetPath().utf8_string(), bom_->GetValue());
    status_->SetLabel(written ? wxString::Format(_("%d visits written to %s"), written.value(), dialog.GetPath())
                              : wxString::FromUTF8(translated(written.problem().message)));
}

}  // namespace madoguchi::gui
