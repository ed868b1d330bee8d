#include "gui/settings/form_grid.h"

#include <wx/intl.h>
#include <wx/radiobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "storage/staff_accounts.h"

namespace madoguchi::gui {

wxFlexGridSizer* formGrid() {
    auto* grid = new wxFlexGridSizer(2, 8, 12);
    grid->AddGrowableCol(1);
    return grid;
}

void addRow(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxWindow* control) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(control, 1, wxEXPAND);
}

FacilityFields facilityFields(wxWindow* parent, wxFlexGridSizer* grid, const FacilitySettings& facility) {
    FacilityFields fields;
    fields.name = new wxTextCtrl(parent, wxID_ANY, wxString::FromUTF8(facility.name));
    addRow(parent, grid, _("Facility name"), fields.name);
    fields.code = new wxTextCtrl(parent, wxID_ANY, wxString::FromUTF8(facility.medicalInstitutionCode));
    fields.code->SetMaxLength(10);
    addRow(parent, grid, _("Medical institution code (医療機関コード)"), fields.code);
    return fields;
}

wxString passwordRule() {
    return wxString::Format(_("%zu characters or more, or %zu words"), storage::kMinimumPasswordLength,
                            storage::kMinimumPassphraseWords);
}

wxRadioBox* facilityKindBox(wxWindow* parent, FacilityKind kind) {
    wxString kinds[] = {_("Clinic or hospital (医科・歯科)"), _("Pharmacy (保険薬局)")};
    auto* box = new wxRadioBox(parent, wxID_ANY, _("Facility kind"), wxDefaultPosition, wxDefaultSize, 2, kinds, 1);
    box->SetSelection(kind == FacilityKind::Pharmacy ? 1 : 0);
    return box;
}

wxRadioBox* facilityModeBox(wxWindow* parent, FacilityMode mode) {
    wxString modes[] = {_("① Standard online qualification check (face-recognition card reader)"),
                        _("② Home-visit consent type (居宅同意取得型)"),
                        _("③ Qualification check only (資格確認限定型): no medical information, no screenshots")};
    auto* box = new wxRadioBox(parent, wxID_ANY, _("Facility mode"), wxDefaultPosition, wxDefaultSize, 3, modes, 1);
    box->SetSelection(static_cast<int>(mode) - 1);
    return box;
}

}  // namespace madoguchi::gui
