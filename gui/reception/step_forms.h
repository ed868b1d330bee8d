#pragma once
// The small forms under a step: progress with a cancel, a reason prompt, the candidate list,
// the past record, the fallback document question, the visit kind, the end of a reception.
#include <optional>
#include <string>

#include <wx/timer.h>

#include "domain/reception_session.h"
#include "gui/reception/step_form.h"

class wxCheckBox;
class wxGauge;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

class ReceptionFlow;

// Something runs off the GUI thread (card, gateway): a moving bar and the seconds waited.
class ProgressForm : public StepForm {
public:
    ProgressForm(wxWindow* parent, const wxString& what);

private:
    wxGauge* gauge_;
    wxStaticText* elapsed_;
    wxTimer timer_;
    int ticks_ = 0;
};

// Why the reception is cancelled, or why the patient pays 100%.
class ReasonForm : public StepForm {
public:
    ReasonForm(wxWindow* parent, ReceptionFlow& flow, const wxString& question);
    void focusFirstField() override;

private:
    ReceptionFlow& flow_;
    wxTextCtrl* reason_;
};

// Validity 5: staff pick the qualification; never chosen automatically.
class MatchForm : public StepForm {
public:
    MatchForm(wxWindow* parent, ReceptionFlow& flow, const EligibilityResult& result);
    bool handleChoice(ChoiceId choice) override;

private:
    wxWindow* first_ = nullptr;
};

// 再診: the last recorded eligibility, confirmed orally with the patient.
class PastRecordForm : public StepForm {
public:
    PastRecordForm(wxWindow* parent, ReceptionFlow& flow, const std::optional<PastEligibility>& past);
    bool handleChoice(ChoiceId choice) override;

private:
    ReceptionFlow& flow_;
    wxCheckBox* confirmed_;
    wxCheckBox* stillValid_;
};

// The fallback: which document the patient shows, and whether the card is shown with it.
class FallbackForm : public StepForm {
public:
    FallbackForm(wxWindow* parent, ReceptionFlow& flow);
    bool handleChoice(ChoiceId choice) override;

private:
    ReceptionFlow& flow_;
    wxCheckBox* cardShown_;
};

// 再診 or 初診; a return visit looks the patient number up in the journal.
class VisitKindForm : public StepForm {
public:
    VisitKindForm(wxWindow* parent, ReceptionFlow& flow, const std::string& patientId);
    bool handleChoice(ChoiceId choice) override;
    void focusFirstField() override;

private:
    ReceptionFlow& flow_;
    wxTextCtrl* patientId_;
};

// The reception is over: what was recorded, and the next patient.
class DoneForm : public StepForm {
public:
    DoneForm(wxWindow* parent, ReceptionFlow& flow, const ReceptionSession& session);
};

// Nobody at the window.
class IdleForm : public StepForm {
public:
    IdleForm(wxWindow* parent, ReceptionFlow& flow);
};

}  // namespace madoguchi::gui
