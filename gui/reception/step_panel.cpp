#include "gui/reception/step_panel.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>

#include "gui/app/color_scheme.h"
#include "gui/reception/copay_panel.h"
#include "gui/reception/display_text.h"
#include "gui/reception/document_entry_panel.h"
#include "gui/reception/pin_entry_panel.h"
#include "gui/reception/reception_flow.h"
#include "gui/reception/step_forms.h"
#include "gui/settings/facility_wording.h"

namespace madoguchi::gui {
namespace {

using S = ReceptionState;
using Prompt = ReceptionFlow::Prompt;

DocumentDetails documentPrefill(const ReceptionSession& session) {
    DocumentDetails details;
    details.patient = session.record().patient;
    if (session.onlineResult() && !session.onlineResult()->results.empty()) {
        const auto& q = session.onlineResult()->results.front();
        if (details.patient.name.empty()) details.patient.name = q.name.empty() ? q.insuredName : q.name;
        if (details.patient.nameKana.empty()) details.patient.nameKana = q.nameKana;
        if (!details.patient.birthDate) details.patient.birthDate = q.birthDate();
    }
    return details;
}

// A form or button may be the one whose click led here: hide it now, delete it when idle.
void retire(wxWindow* window) {
    window->Hide();
    if (wxSizer* sizer = window->GetContainingSizer()) sizer->Detach(window);
    wxTheApp->ScheduleForDestruction(window);
}

}  // namespace

StepPanel::StepPanel(wxWindow* parent, ReceptionFlow& flow) : wxPanel(parent, wxID_ANY), flow_(flow) {
    SetName("step_panel");
    header_ = new wxPanel(this, wxID_ANY);
    title_ = new wxStaticText(header_, wxID_ANY, {});
    title_->SetName("step_title");
    title_->SetFont(colors::stepTitleFont());
    title_->SetForegroundColour(*wxWHITE);
    auto* headerSizer = new wxBoxSizer(wxVERTICAL);
    headerSizer->Add(title_, 0, wxALL | wxEXPAND, 14);
    header_->SetSizer(headerSizer);

    notice_ = new wxStaticText(this, wxID_ANY, {});
    notice_->SetName("step_notice");
    notice_->SetFont(colors::bodyFont().Bold());
    notice_->SetForegroundColour(colors::alert());
    info_ = new wxStaticText(this, wxID_ANY, {});
    info_->SetName("step_info");
    info_->SetFont(colors::bodyFont());
    formSlot_ = new wxBoxSizer(wxVERTICAL);
    choiceRow_ = new wxWrapSizer(wxHORIZONTAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(header_, 0, wxEXPAND);
    sizer->Add(notice_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    sizer->Add(info_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 12);
    sizer->Add(formSlot_, 0, wxEXPAND | wxALL, 12);
    sizer->Add(choiceRow_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);
    render();
}

std::vector<ReceptionChoice> StepPanel::choicesToShow() const {
    const ReceptionSession* session = flow_.session();
    if (!session || flow_.prompt() != Prompt::None || flow_.working()) {
        std::vector<ReceptionChoice> few;
        if (session && flow_.working() && session->state() == S::QueryingEligibility) few = session->choices();
        return few;
    }
    auto choices = session->choices();
    if (session->state() == S::AwaitingFace && flow_.services().demo) {
        choices.insert(choices.begin(), {ReceptionChoice{ChoiceId::FaceMatched, N_("Demo: the face matches"), '4', true},
                                         ReceptionChoice{ChoiceId::FaceNotMatched, N_("Demo: the face does not match"), '5', false}});
    }
    return choices;
}

StepForm* StepPanel::makeForm() {
    const ReceptionSession* session = flow_.session();
    if (!session) return new IdleForm(this, flow_);
    switch (flow_.prompt()) {
        case Prompt::CancelReason: return new ReasonForm(this, flow_, _("Why is the reception cancelled?"));
        case Prompt::FullChargeReason:
            return new ReasonForm(this, flow_, _("Why does the patient pay 100%? (This is recorded.)"));
        case Prompt::DeclarationEntry:
            return new DocumentEntryPanel(this, flow_, DocumentEntryPanel::Purpose::SelfDeclaration,
                                          flow_.selfDeclarationForm().prefilled, flow_.desk().now().date);
        case Prompt::None: break;
    }
    if (flow_.working()) {
        switch (session->state()) {
            case S::QueryingEligibility: return new ProgressForm(this, _("Waiting for the online qualification system."));
            case S::AwaitingPin: return new ProgressForm(this, _("The card is checking the PIN."));
            default: return new ProgressForm(this, _("Reading the card."));
        }
    }
    switch (session->state()) {
        case S::ReadingCard: return new ProgressForm(this, _("Waiting for the card on the reader."));
        case S::AwaitingPin: return new PinEntryPanel(this, flow_, session->pinTriesLeft());
        case S::EnteringDocument:
            return new DocumentEntryPanel(this, flow_, DocumentEntryPanel::Purpose::Document, documentPrefill(*session),
                                          flow_.desk().now().date);
        case S::EligibilityConfirmed:
        case S::ConfirmingCopay: return new CopayPanel(this, flow_, *session);
        case S::ResolvingMultipleMatches: return new MatchForm(this, flow_, *session->onlineResult());
        case S::ConfirmingPastRecord: return new PastRecordForm(this, flow_, flow_.pastRecord());
        case S::ChoosingFallback: return new FallbackForm(this, flow_);
        case S::AskingVisitKind: return new VisitKindForm(this, flow_, session->record().patientId);
        case S::Completed:
        case S::Cancelled: return new DoneForm(this, flow_, *session);
        default: return nullptr;
    }
}

void StepPanel::render() {
    const ReceptionSession* session = flow_.session();
    const Tone tone = session ? session->tone() : Tone::Neutral;
    header_->SetBackgroundColour(colors::strongFor(tone));
    const int width = std::max(GetClientSize().GetWidth(), GetMinSize().GetWidth()) - 40;
    title_->SetLabel(wrapToWidth(title_, session ? stepTitle(session->state(), *session) : _("Waiting for the next patient"),
                                 width));
    notice_->SetLabel(wrapToWidth(notice_, flow_.notice(), width));
    notice_->SetForegroundColour(flow_.noticeIsProblem() ? colors::alert() : colors::confirmed());
    notice_->Show(!flow_.notice().empty());
    wxString info;
    if (session && (session->state() == S::ChoosingIdentityMethod || session->state() == S::AwaitingVisualCheck))
        info = wxString::Format(_("PIN tries left on the card: %d"), session->pinTriesLeft());
    if (session && session->state() == S::ChoosingIdentityMethod && !session->faceCheckOffered() &&
        modeAllowsFaceAuthentication(flow_.services().context.facility.mode))
        info += "\n" + _("Face authentication is done on the certified face reader (顔認証付きカードリーダー); this window "
                         "has no camera check, so confirm by the PIN or by sight.");
    info_->SetLabel(wrapToWidth(info_, info, width));
    info_->Show(!info.empty());

    auto key = std::make_tuple(flow_.receptionSerial(), session ? static_cast<int>(session->state()) : -1,
                               static_cast<int>(flow_.prompt()), flow_.working(), session != nullptr);
    if (key != shown_) {
        shown_ = key;
        if (form_) retire(form_);
        form_ = makeForm();
        if (form_) {
            formSlot_->Add(form_, 0, wxEXPAND);
            form_->focusFirstField();
        }
        rebuildChoices();
    }
    header_->Refresh();
    Layout();
}

void StepPanel::rebuildChoices() {
    std::vector<wxWindow*> old;
    for (wxSizerItem* item : choiceRow_->GetChildren())
        if (item->GetWindow()) old.push_back(item->GetWindow());
    for (wxWindow* button : old) retire(button);
    choiceRow_->Clear(false);
    choices_ = choicesToShow();
    const ReceptionSession* session = flow_.session();
    const Tone tone = session ? session->tone() : Tone::Neutral;
    const FacilityKind kind = flow_.services().context.facility.kind;
    for (const auto& choice : choices_) {
        wxString text = domainText(choice.label);
        if (kind == FacilityKind::Pharmacy && choice.id == ChoiceId::ReturnVisit) text = returningPatientLabel(kind);
        if (kind == FacilityKind::Pharmacy && choice.id == ChoiceId::FirstVisit) text = firstVisitLabel(kind);
        wxString label = wxString::Format("[%c]  ", choice.shortcut) + text;
        auto* button = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(-1, 64));
        button->SetName("choice:" + std::string(choiceName(choice.id)));
        button->SetFont(choice.primary ? colors::choiceFont() : colors::choiceFont().Smaller());
        if (choice.primary) {
            button->SetBackgroundColour(colors::lightFor(tone == Tone::Neutral ? Tone::Confirmed : tone));
            button->SetForegroundColour(colors::strongFor(tone == Tone::Neutral ? Tone::Confirmed : tone));
        }
        const ChoiceId id = choice.id;
        button->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { choose(id); });
        choiceRow_->Add(button, 0, wxALL, 4);
    }
}

void StepPanel::choose(ChoiceId choice) {
    if (form_ && form_->handleChoice(choice)) return;
    flow_.choose(choice, this);
}

bool StepPanel::pressShortcut(int key) {
    const ReceptionSession* session = flow_.session();
    if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && session && session->finished()) {
        flow_.next();
        return true;
    }
    for (const auto& choice : choices_) {
        if (choice.shortcut != 0 && key == choice.shortcut) {
            choose(choice.id);
            return true;
        }
    }
    return false;
}

wxString StepPanel::title() const { return title_->GetLabel(); }
wxString StepPanel::notice() const { return notice_->GetLabel(); }

}  // namespace madoguchi::gui
