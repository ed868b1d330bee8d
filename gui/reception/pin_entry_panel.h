#pragma once
// The PIN pad: the tries left are shown before entry; the PIN goes to the card and is wiped.
#include "gui/reception/step_form.h"

class wxTextCtrl;

namespace madoguchi::gui {

class ReceptionFlow;

class PinEntryPanel : public StepForm {
public:
    PinEntryPanel(wxWindow* parent, ReceptionFlow& flow, int triesLeft);
    bool handleChoice(ChoiceId choice) override;
    void focusFirstField() override;
    // Sends what is typed to the card and clears the field.
    void submit();

private:
    ReceptionFlow& flow_;
    wxTextCtrl* pin_;
};

}  // namespace madoguchi::gui
