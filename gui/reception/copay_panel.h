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
    std::optional<CopayShare> shareInEffect() const;
    void updateAmount();

    ReceptionFlow& flow_;
    std::optional<CopayShare> decided_;
    bool fullCharge_ = false;
    wxChoice* staffShare_ = nullptr;  // only when the session could not decide the share
    wxTextCtrl* points_;
    wxStaticText* amount_;
};

}  // namespace madoguchi::gui
