#include "gui/settings/form_grid.h"

#include <wx/stattext.h>

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

}  // namespace madoguchi::gui
