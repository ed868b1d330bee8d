#include "gui/reception/pin_entry_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/valtext.h>

#include "domain/secret_buffer.h"
#include "gui/app/color_scheme.h"
#include "gui/reception/display_text.h"
#include "gui/reception/reception_flow.h"

namespace madoguchi::gui {

PinEntryPanel::PinEntryPanel(wxWindow* parent, ReceptionFlow& flow, int triesLeft)
    : StepForm(parent, wxID_ANY), flow_(flow) {
    SetName("pin_entry");
    auto* tries = new wxStaticText(this, wxID_ANY, wxString::Format(_("Tries left: %d of 3"), triesLeft));
    tries->SetName("pin_tries_left");
    tries->SetFont(colors::choiceFont());
    if (triesLeft <= 1) tries->SetForegroundColour(colors::alert());
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("The patient types the 4-digit PIN. It goes to the card only and is never kept."));
    hint->SetLabel(wrapToWidth(hint, hint->GetLabel(), 440));
    pin_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(160, -1), wxTE_PASSWORD | wxTE_PROCESS_ENTER,
                          wxTextValidator(wxFILTER_DIGITS));
    pin_->SetName("pin_field");
    pin_->SetMaxLength(4);
    pin_->SetFont(wxFont(wxFontInfo(24)));
    pin_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
    auto* check = new wxButton(this, wxID_ANY, _("Check the PIN"));
    check->SetName("pin_submit");
    check->SetFont(colors::choiceFont());
    check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(pin_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    row->Add(check, 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(tries, 0, wxBOTTOM, 6);
    sizer->Add(hint, 0, wxBOTTOM, 10);
    sizer->Add(row, 0);
    SetSizer(sizer);
}

bool PinEntryPanel::handleChoice(ChoiceId choice) {
    if (choice != ChoiceId::EnterPin) return false;
    if (pin_->GetValue().length() == 4) submit();
    else pin_->SetFocus();
    return true;
}

void PinEntryPanel::focusFirstField() { pin_->SetFocus(); }

// The digits go from the control into a SecretBuffer one by one; the control's copy is overwritten
// before it is released and the field is cleared (no std::string ever holds them).
void PinEntryPanel::submit() {
    wxString typed = pin_->GetValue();
    SecretBuffer pin;
    for (wxString::const_iterator digit = typed.begin(); digit != typed.end(); ++digit)
        pin.push(static_cast<char>(wxUniChar(*digit).GetValue()));
    for (wxString::iterator digit = typed.begin(); digit != typed.end(); ++digit) *digit = wxUniChar('0');
    pin_->ChangeValue(wxString(' ', 4));
    pin_->Clear();
    if (pin.size() != 4) return;
    flow_.submitPin(pin);  // wipes its argument
}

}  // namespace madoguchi::gui
