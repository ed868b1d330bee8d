#pragma once
// The copay confirmation: the share and why, the points of today's care and the amount to
// collect, and the claim route the visit will carry.
#include <optional>

#include "domain/copay.h"
#include "domain/reception_session.h"
#include "gui/reception/step_form.h"

class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

class ReceptionFlow;

class CopayPanel : public StepForm {
public:
    CopayPanel(wxWindow* parent, ReceptionFlow& flow, const ReceptionSession& session);
    bool handleChoice(ChoiceId choice) override;
    void focusFirstField() override;
    void submit();

private:
    wxChoice* shareChoice(const char* name, const wxString& first);
    std::optional<CopayShare> shareInEffect() const;
    std::optional<CopayShare> staffChoice() const;  // from whichever share choice is shown
    void updateAmount();

    ReceptionFlow& flow_;
    std::optional<CopayShare> decided_;
    bool fullCharge_ = false;
    wxChoice* staffShare_ = nullptr;   // only when the session could not decide the share
    wxChoice* correction_ = nullptr;   // only when it did: staff may change it, with a reason
    wxTextCtrl* correctionReason_ = nullptr;
    wxTextCtrl* points_;
    wxStaticText* amount_;
};

}  // namespace madoguchi::gui
