#include "gui/app/reception_frame.h"

#include <wx/intl.h>

namespace madoguchi::gui {

ReceptionFrame::ReceptionFrame(wxWindow* parent)
    : wxFrame(parent, wxID_ANY, _("Madoguchi"), wxDefaultPosition, wxSize(1200, 800)) {}

}  // namespace madoguchi::gui
