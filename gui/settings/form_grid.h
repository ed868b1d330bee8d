#pragma once
// The two-column "label: control" grid of the settings dialog and the set-up assistant.
#include <wx/sizer.h>
#include <wx/string.h>

class wxWindow;

namespace madoguchi::gui {

wxFlexGridSizer* formGrid();
// Adds "label: control" to a grid made by formGrid().
void addRow(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxWindow* control);

}  // namespace madoguchi::gui
