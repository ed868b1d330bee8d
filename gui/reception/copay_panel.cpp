#include "gui/reception/copay_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/valtext.h>

#include "gui/app/color_scheme.h"
#include "gui/reception/display_text.h"
#include "gui/reception/reception_flow.h"

namespace madoguchi::gui {

CopayPanel::CopayPanel(wxWindow* parent, ReceptionFlow& flow, const ReceptionSession& session)
    : StepForm(parent, wxID_ANY), flow_(flow) {
    SetName("copay_confirmation");
    const VisitRecord& record = session.record();
    fullCharge_ = !record.fullChargeReason.empty();
    if (session.shareDecision()) decided_ = session.shareDecision()->share;
    auto* grid = new wxFlexGridSizer(2, wxSize(14, 8));

    grid->Add(new wxStaticText(this, wxID_ANY, _("Share")), 0, wxALIGN_CENTER_VERTICAL);
    if (fullCharge_) {
        auto* full = new wxStaticText(this, wxID_ANY, shareText(CopayShare::full()));
        full->SetName("copay_share");
        full->SetFont(colors::stepTitleFont());
        full->SetForegroundColour(colors::alert());
        grid->Add(full);
    } else if (decided_) {
        auto* share = new wxStaticText(this, wxID_ANY, shareText(*decided_));
        share->SetName("copay_share");
        share->SetFont(colors::stepTitleFont());
        grid->Add(share);
    } else {
        staffShare_ = shareChoice("copay_staff_share", _("Set the share…"));
        grid->Add(staffShare_);
    }
    if (!fullCharge_ && session.shareDecision() && !session.shareDecision()->candidates.empty() && staffShare_) {
        wxString offered;
        for (const auto& candidate : session.shareDecision()->candidates)
            offered += (offered.empty() ? "" : " / ") + shareText(candidate);
        grid->AddSpacer(0);
        auto* hint = new wxStaticText(this, wxID_ANY, _("Possible shares:") + " " + offered);
        hint->SetName("copay_candidates");
        grid->Add(hint);
    }
    if (!fullCharge_ && decided_) {
        // DOMAIN.md §8: staff may correct what the rules could not know (e.g. 現役並み 3割), with a reason.
        grid->Add(new wxStaticText(this, wxID_ANY, _("Correct the share")), 0, wxALIGN_CENTER_VERTICAL);
        correction_ = shareChoice("copay_correct_share", _("Keep it"));
        grid->Add(correction_);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Reason for the correction")), 0, wxALIGN_CENTER_VERTICAL);
        correctionReason_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(260, -1));
        correctionReason_->SetName("copay_correction_reason");
        correctionReason_->SetHint(_("e.g. 現役並み: 高齢受給者証 shows 3割"));
        grid->Add(correctionReason_);
    }

    grid->Add(new wxStaticText(this, wxID_ANY, _("Why")), 0, wxALIGN_CENTER_VERTICAL);
    wxString why = fullCharge_ ? domainText(record.shareBasis) + ": " + fromUtf8(record.fullChargeReason)
                               : (session.shareDecision() ? domainText(session.shareDecision()->basis) : wxString());
    auto* whyText = new wxStaticText(this, wxID_ANY, why);
    whyText->SetName("copay_why");
    grid->Add(whyText);

    grid->Add(new wxStaticText(this, wxID_ANY, _("Points today (optional)")), 0, wxALIGN_CENTER_VERTICAL);
    points_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(140, -1), wxTE_PROCESS_ENTER,
                             wxTextValidator(wxFILTER_DIGITS));
    points_->SetName("copay_points");
    points_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { updateAmount(); });
    points_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
    grid->Add(points_);

    grid->Add(new wxStaticText(this, wxID_ANY, _("Amount to collect")), 0, wxALIGN_CENTER_VERTICAL);
    amount_ = new wxStaticText(this, wxID_ANY, {});
    amount_->SetName("copay_amount");
    amount_->SetFont(colors::choiceFont());
    grid->Add(amount_);

    grid->Add(new wxStaticText(this, wxID_ANY, _("Claim")), 0, wxALIGN_CENTER_VERTICAL);
    auto* claim = new wxStaticText(this, wxID_ANY, claimRouteText(record.claimRoute) + " — " +
                                                       eligibilitySourceText(record.source));
    claim->SetName("copay_claim_route");
    grid->Add(claim);

    auto* confirm = new wxButton(this, wxID_ANY, _("Confirm and record the visit"));
    confirm->SetName("copay_submit");
    confirm->SetFont(colors::choiceFont());
    confirm->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxBOTTOM, 12);
    sizer->Add(confirm, 0);
    SetSizer(sizer);
    updateAmount();
}

// "first", then 1割 2割 3割: the selection index is the share in tenths.
wxChoice* CopayPanel::shareChoice(const char* name, const wxString& first) {
    auto* choice = new wxChoice(this, wxID_ANY);
    choice->SetName(name);
    choice->Append(first);
    for (int tenths : {1, 2, 3}) choice->Append(shareText(*CopayShare::fromTenths(tenths)));
    choice->SetSelection(0);
    choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { updateAmount(); });
    return choice;
}

std::optional<CopayShare> CopayPanel::staffChoice() const {
    const wxChoice* shown = staffShare_ ? staffShare_ : correction_;
    if (!shown || shown->GetSelection() <= 0) return std::nullopt;
    return CopayShare::fromTenths(shown->GetSelection());
}

std::optional<CopayShare> CopayPanel::shareInEffect() const {
    if (fullCharge_) return CopayShare::full();
    if (auto chosen = staffChoice()) return chosen;
    return decided_;
}

void CopayPanel::updateAmount() {
    if (correctionReason_) correctionReason_->Enable(staffChoice() && staffChoice() != decided_);
    long long points = 0;
    auto share = shareInEffect();
    if (!share) amount_->SetLabel(_("Set the share first"));
    else if (points_->GetValue().empty() || !points_->GetValue().ToLongLong(&points))
        amount_->SetLabel(_("Enter the points to compute the amount"));
    else
        amount_->SetLabel(yenText(copayAmount(points, *share)) + "  (" + wxString::Format(_("%lld points"), points) + ")");
    Layout();
}

bool CopayPanel::handleChoice(ChoiceId choice) {
    if (choice != ChoiceId::ConfirmCopay) return false;
    submit();
    return true;
}

void CopayPanel::focusFirstField() { points_->SetFocus(); }

void CopayPanel::submit() {
    std::optional<std::int64_t> points;
    long long typed = 0;
    if (!points_->GetValue().empty() && points_->GetValue().ToLongLong(&typed)) points = typed;
    std::string reason = correctionReason_ ? correctionReason_->GetValue().utf8_string() : std::string();
    flow_.submitCopay(points, staffChoice(), reason);
}

}  // namespace madoguchi::gui
