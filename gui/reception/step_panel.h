#pragma once
// The current patient's step in large type, the choices the session offers as large buttons
// with their keyboard shortcuts, and the form the step needs (PIN pad, document, copay, ...).
#include <string>
#include <tuple>
#include <vector>

#include <wx/panel.h>

#include "domain/reception_session.h"

class wxStaticText;
class wxBoxSizer;
class wxWrapSizer;

namespace madoguchi::gui {

class ReceptionFlow;
class StepForm;

class StepPanel : public wxPanel {
public:
    StepPanel(wxWindow* parent, ReceptionFlow& flow);

    // Shows the flow's current step; the form is rebuilt only when the step changed.
    void render();
    // Exactly what clicking the choice's button does.
    void choose(ChoiceId choice);
    // A key pressed outside a text field: a choice's shortcut, or Enter after a reception.
    bool pressShortcut(int key);

    wxString title() const;
    wxString notice() const;
    StepForm* form() const { return form_; }
    const std::vector<ReceptionChoice>& shownChoices() const { return choices_; }

private:
    std::vector<ReceptionChoice> choicesToShow() const;
    StepForm* makeForm();
    void rebuildChoices();

    ReceptionFlow& flow_;
    wxPanel* header_;
    wxStaticText* title_;
    wxStaticText* notice_;
    wxStaticText* info_;
    wxBoxSizer* formSlot_;
    wxWrapSizer* choiceRow_;
    StepForm* form_ = nullptr;
    std::vector<ReceptionChoice> choices_;
    std::tuple<int, int, int, bool, bool> shown_{-1, -1, -1, false, false};
};

}  // namespace madoguchi::gui
