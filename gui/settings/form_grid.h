#pragma once
// What the settings dialog and the set-up assistant lay out alike: the two-column
// "label: control" grid, and the facility's kind and mode choices.
#include <wx/sizer.h>
#include <wx/string.h>

#include "domain/facility.h"

class wxRadioBox;
class wxTextCtrl;
class wxWindow;

namespace madoguchi::gui {

wxFlexGridSizer* formGrid();
// Adds "label: control" to a grid made by formGrid().
void addRow(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxWindow* control);

// The facility name and 医療機関コード rows (the code at most 10 characters).
struct FacilityFields {
    wxTextCtrl* name = nullptr;
    wxTextCtrl* code = nullptr;
};
FacilityFields facilityFields(wxWindow* parent, wxFlexGridSizer* grid, const FacilitySettings& facility);

// The password rule as the staff accounts apply it (storage::passwordProblem), for labels:
// "12 characters or more, or 4 words".
wxString passwordRule();

// Clinic or pharmacy (selection 0 or 1), and the mode ①/②/③ (selection mode − 1).
wxRadioBox* facilityKindBox(wxWindow* parent, FacilityKind kind);
wxRadioBox* facilityModeBox(wxWindow* parent, FacilityMode mode);

}  // namespace madoguchi::gui
