#pragma once
// The main window at the front desk: the queue of arriving patients, the current patient's
// step, and the eligibility panel.
#include <wx/frame.h>

namespace madoguchi::gui {

class ReceptionFrame : public wxFrame {
public:
    explicit ReceptionFrame(wxWindow* parent);
};

}  // namespace madoguchi::gui
