#include "gui/reception/step_forms.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/app/color_scheme.h"
#include "gui/reception/display_text.h"
#include "gui/reception/reception_flow.h"

namespace madoguchi::gui {
namespace {

wxButton* bigButton(wxWindow* parent, const wxString& label, const char* name) {
    auto* button = new wxButton(parent, wxID_ANY, label);
    button->SetName(name);
    button->SetFont(colors::choiceFont());
    return button;
}

wxString insuranceLine(const InsuranceIdentity& insurance) {
    wxString line = fromUtf8(insurance.insurerNumber);
    if (!insurance.card.symbol.empty()) line += "  " + fromUtf8(insurance.card.symbol);
    line += "  " + fromUtf8(insurance.card.number);
    if (!insurance.card.branch.empty()) line += " (" + fromUtf8(insurance.card.branch) + ")";
    return line;
}

}  // namespace

ProgressForm::ProgressForm(wxWindow* parent, const wxString& what) : StepForm(parent, wxID_ANY), timer_(this) {
    SetName("progress");
    auto* label = new wxStaticText(this, wxID_ANY, what);
    gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(360, 18));
    elapsed_ = new wxStaticText(this, wxID_ANY, {});
    elapsed_->SetName("progress_elapsed");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxBOTTOM, 6);
    sizer->Add(gauge_, 0, wxBOTTOM, 6);
    sizer->Add(elapsed_, 0);
    SetSizer(sizer);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        gauge_->Pulse();
        ++ticks_;
        if (ticks_ % 5 == 0) elapsed_->SetLabel(wxString::Format(_("Waiting %d s"), ticks_ / 5));
    });
    timer_.Start(200);
}

ReasonForm::ReasonForm(wxWindow* parent, ReceptionFlow& flow, const wxString& question)
    : StepForm(parent, wxID_ANY), flow_(flow) {
    SetName("reason_prompt");
    auto* label = new wxStaticText(this, wxID_ANY, question);
    label->SetFont(colors::choiceFont());
    reason_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(460, -1), wxTE_PROCESS_ENTER);
    reason_->SetName("reason_field");
    auto* ok = bigButton(this, _("Record the reason"), "reason_submit");
    auto* back = new wxButton(this, wxID_ANY, _("Back"));
    back->SetName("reason_back");
    auto submit = [this] { flow_.submitReason(reason_->GetValue().utf8_string()); };
    ok->Bind(wxEVT_BUTTON, [submit](wxCommandEvent&) { submit(); });
    reason_->Bind(wxEVT_TEXT_ENTER, [submit](wxCommandEvent&) { submit(); });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { flow_.dismissPrompt(); });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(ok, 0, wxRIGHT, 10);
    buttons->Add(back, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxBOTTOM, 6);
    sizer->Add(reason_, 0, wxBOTTOM, 8);
    sizer->Add(buttons, 0);
    SetSizer(sizer);
}

void ReasonForm::focusFirstField() { reason_->SetFocus(); }

MatchForm::MatchForm(wxWindow* parent, ReceptionFlow& flow, const EligibilityResult& result)
    : StepForm(parent, wxID_ANY) {
    SetName("match_choice");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    for (std::size_t i = 0; i < result.results.size(); ++i) {
        const auto& q = result.results[i];
        wxString label = wxString::Format("%zu.  ", i + 1) + fromUtf8(q.insurerName) + "\n" +
                         insuranceLine({q.insurerNumber, {q.insuredCardSymbol, q.insuredIdentificationNumber,
                                                          q.insuredBranchNumber}}) +
                         "   " + fromUtf8(q.name);
        auto* button = bigButton(this, label, "match_candidate");
        button->SetFont(colors::bodyFont().Bold());
        if (i == 0) first_ = button;
        button->Bind(wxEVT_BUTTON, [&flow, i](wxCommandEvent&) { flow.chooseMatch(i); });
        sizer->Add(button, 0, wxEXPAND | wxBOTTOM, 6);
    }
    SetSizer(sizer);
}

bool MatchForm::handleChoice(ChoiceId choice) {
    if (choice != ChoiceId::ChooseMatch) return false;
    if (first_) first_->SetFocus();
    return true;
}

PastRecordForm::PastRecordForm(wxWindow* parent, ReceptionFlow& flow, const std::optional<PastEligibility>& past)
    : StepForm(parent, wxID_ANY), flow_(flow) {
    SetName("past_record");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (past) {
        wxString text = fromUtf8(past->patient.name) + "\n" + insuranceLine(past->insurance) + "\n" +
                        wxString::Format(_("Recorded on %s"), fromUtf8(past->recordedAt.date.iso()));
        if (past->share) text += "\n" + _("Share") + ": " + shareText(*past->share);
        auto* details = new wxStaticText(this, wxID_ANY, text);
        details->SetFont(colors::choiceFont());
        sizer->Add(details, 0, wxBOTTOM, 10);
    }
    confirmed_ = new wxCheckBox(this, wxID_ANY, _("The patient confirms orally that this insurance is unchanged"));
    confirmed_->SetName("past_confirmed_orally");
    stillValid_ = new wxCheckBox(this, wxID_ANY, _("The patient says it is still valid today (noted; the claim stays on the past eligibility until a check confirms it)"));
    stillValid_->SetName("past_still_valid");
    sizer->Add(confirmed_, 0, wxBOTTOM, 4);
    sizer->Add(stillValid_, 0);
    SetSizer(sizer);
}

bool PastRecordForm::handleChoice(ChoiceId choice) {
    if (choice != ChoiceId::ConfirmPastRecord) return false;
    flow_.confirmPastRecord(confirmed_->GetValue(), stillValid_->GetValue());
    return true;
}

FallbackForm::FallbackForm(wxWindow* parent, ReceptionFlow& flow) : StepForm(parent, wxID_ANY), flow_(flow) {
    SetName("fallback_choice");
    cardShown_ = new wxCheckBox(this, wxID_ANY, _("The patient shows the My Number card together with it"));
    cardShown_->SetName("fallback_card_shown");
    cardShown_->SetFont(colors::bodyFont());
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("The マイナポータル screen and the 資格情報のお知らせ count only with the card."));
    hint->SetLabel(wrapToWidth(hint, hint->GetLabel(), 440));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(cardShown_, 0, wxBOTTOM, 4);
    sizer->Add(hint, 0);
    SetSizer(sizer);
}

bool FallbackForm::handleChoice(ChoiceId choice) {
    if (choice == ChoiceId::FallbackPortal) flow_.chooseFallbackDocument(PresentedDocument::PortalScreen, cardShown_->GetValue());
    else if (choice == ChoiceId::FallbackNotice) flow_.chooseFallbackDocument(PresentedDocument::Notice, cardShown_->GetValue());
    else return false;
    return true;
}

VisitKindForm::VisitKindForm(wxWindow* parent, ReceptionFlow& flow, const std::string& patientId)
    : StepForm(parent, wxID_ANY), flow_(flow) {
    SetName("visit_kind");
    auto* label = new wxStaticText(this, wxID_ANY, _("Patient number (for a return visit)"));
    patientId_ = new wxTextCtrl(this, wxID_ANY, fromUtf8(patientId), wxDefaultPosition, wxSize(200, -1));
    patientId_->SetName("visit_patient_id");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    row->Add(patientId_, 0);
    SetSizer(row);
}

bool VisitKindForm::handleChoice(ChoiceId choice) {
    if (choice != ChoiceId::ReturnVisit) return false;
    flow_.chooseReturnVisit(patientId_->GetValue().utf8_string());
    return true;
}

void VisitKindForm::focusFirstField() { patientId_->SetFocus(); }

DoneForm::DoneForm(wxWindow* parent, ReceptionFlow& flow, const ReceptionSession& session)
    : StepForm(parent, wxID_ANY) {
    SetName("reception_done");
    const VisitRecord& record = session.record();
    wxString summary;
    if (record.cancelled) {
        summary = _("Cancelled") + ": " + fromUtf8(record.cancelReason);
    } else {
        summary = fromUtf8(record.patient.name) + "\n" + _("Share") + ": " + shareText(record.share);
        if (record.copay) summary += "   " + _("Collect") + ": " + yenText(*record.copay);
        summary += "\n" + _("Claim") + ": " + claimRouteText(record.claimRoute) + " — " + eligibilitySourceText(record.source);
    }
    auto* text = new wxStaticText(this, wxID_ANY, summary);
    text->SetName("done_summary");
    text->SetFont(colors::choiceFont());
    auto* next = bigButton(this, _("Next patient (Enter)"), "next_patient");
    next->Bind(wxEVT_BUTTON, [&flow](wxCommandEvent&) { flow.next(); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(text, 0, wxBOTTOM, 12);
    sizer->Add(next, 0);
    SetSizer(sizer);
}

IdleForm::IdleForm(wxWindow* parent, ReceptionFlow& flow) : StepForm(parent, wxID_ANY) {
    SetName("idle");
    auto* text = new wxStaticText(this, wxID_ANY,
                                  _("Patients appear in the queue when the reader sends a result or a card is placed "
                                    "on the reader."));
    text->SetLabel(wrapToWidth(text, text->GetLabel(), 440));
    auto* start = bigButton(this, _("Patient without a My Number card…"), "start_without_card");
    start->Bind(wxEVT_BUTTON, [&flow](wxCommandEvent&) { flow.startWithoutCard(); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(text, 0, wxBOTTOM, 12);
    sizer->Add(start, 0);
    SetSizer(sizer);
}

}  // namespace madoguchi::gui
