#pragma once
// A form shown under the current step (PIN pad, document entry, copay, ...). A form may take
// over a choice button of its step (e.g. "Confirm the copay" submits the amount typed).
#include <wx/panel.h>

#include "domain/reception_session.h"

namespace madoguchi::gui {

class StepForm : public wxPanel {
public:
    using wxPanel::wxPanel;
    // True when the form handled the choice itself.
    virtual bool handleChoice(ChoiceId /*choice*/) { return false; }
    // Puts the keyboard focus where typing starts.
    virtual void focusFirstField() {}
};

}  // namespace madoguchi::gui
