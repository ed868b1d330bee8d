#include "gui/signin/sign_in_panel.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/settings/language.h"

namespace madoguchi::gui {

SignInPanel::SignInPanel(wxWindow* parent, Attempt tryToSignIn, std::function<void()> signedIn)
    : wxPanel(parent, wxID_ANY), tryToSignIn_(std::move(tryToSignIn)), signedIn_(std::move(signedIn)) {
    SetName("signin_panel");
    SetBackgroundColour(*wxWHITE);
    heading_ = new wxStaticText(this, wxID_ANY, _("Sign in to start receiving patients"));
    heading_->SetFont(heading_->GetFont().Scaled(1.6f).Bold());
    waiting_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, 0, "signin_waiting");
    waiting_->SetFont(waiting_->GetFont().Scaled(1.3f));
    auto* grid = new wxFlexGridSizer(2, 10, 10);
    grid->AddGrowableCol(1);
    staffId_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(280, -1), wxTE_PROCESS_ENTER,
                              wxDefaultValidator, "signin_id");
    password_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                               wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, "signin_password");
    newPassword_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                  wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, "signin_new_password");
    newPasswordLabel_ = new wxStaticText(this, wxID_ANY, _("New password"));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Staff ID")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(staffId_, 1, wxEXPAND);
    passwordLabel_ = new wxStaticText(this, wxID_ANY, _("Password"));
    grid->Add(passwordLabel_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(password_, 1, wxEXPAND);
    grid->Add(newPasswordLabel_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(newPassword_, 1, wxEXPAND);
    newPasswordLabel_->Hide();
    newPassword_->Hide();
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(420, -1), 0, "signin_message");
    message_->SetForegroundColour(wxColour(180, 30, 30));
    hint_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    submit_ = new wxButton(this, wxID_ANY, _("Sign in"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                           "signin_submit");

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(heading_, 0, wxBOTTOM, 12);
    column->Add(waiting_, 0, wxBOTTOM, 12);
    column->Add(grid, 0, wxEXPAND);
    column->Add(message_, 0, wxEXPAND | wxTOP, 12);
    column->Add(submit_, 0, wxALIGN_RIGHT | wxTOP, 12);
    column->Add(hint_, 0, wxTOP, 12);
    auto* centred = new wxBoxSizer(wxVERTICAL);
    centred->AddStretchSpacer();
    centred->Add(column, 0, wxALIGN_CENTER_HORIZONTAL);
    centred->AddStretchSpacer(2);
    SetSizer(centred);

    for (wxTextCtrl* field : {staffId_, password_, newPassword_})
        field->Bind(wxEVT_TEXT_ENTER, [this, field](wxCommandEvent&) { onEnter(field); });
    submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
}

void SignInPanel::prepare(const WindowSignIn& window, const wxString& hint) {
    const bool locked = window.state() == WindowSignIn::State::Locked;
    heading_->SetLabel(locked ? _("Locked: sign in to continue") : _("Sign in to start receiving patients"));
    waiting_->Show(locked);
    passwordLabel_->SetLabel(locked ? _("Password or passcode") : _("Password"));
    staffId_->SetValue(locked && window.member() ? wxString::FromUTF8(window.member()->id) : wxString());
    password_->Clear();
    newPassword_->Clear();
    newPasswordLabel_->Hide();
    newPassword_->Hide();
    message_->SetLabel(wxEmptyString);
    hint_->SetLabel(hint);
    Layout();
    if (locked && !staffId_->IsEmpty())
        password_->SetFocus();
    else
        staffId_->SetFocus();
}

void SignInPanel::showWaiting(int waiting) {
    waiting_->SetLabel(wxString::Format(wxPLURAL("%d patient waiting", "%d patients waiting", waiting), waiting));
    Layout();
}

void SignInPanel::setCredentials(const wxString& staffId, const wxString& password) {
    staffId_->SetValue(staffId);
    password_->SetValue(password);
}

void SignInPanel::setNewPassword(const wxString& password) { newPassword_->SetValue(password); }

bool SignInPanel::asksForNewPassword() const { return newPassword_->IsShown(); }

wxString SignInPanel::messageText() const { return message_->GetLabel(); }

void SignInPanel::onEnter(wxTextCtrl* field) {
    if (field == staffId_) {
        password_->SetFocus();
    } else if (field == password_ && asksForNewPassword() && newPassword_->IsEmpty()) {
        newPassword_->SetFocus();
    } else {
        submit();
    }
}

bool SignInPanel::submit() {
    const std::string staffId = staffId_->GetValue().Strip(wxString::both).utf8_string();
    std::string password = password_->GetValue().utf8_string();  // wiped by the attempt
    std::string fresh = newPassword_->GetValue().utf8_string();
    password_->Clear();
    newPassword_->Clear();
    const StaffSignIn attempt = tryToSignIn_(staffId, password, fresh);
    if (attempt.choosePassword) {
        newPasswordLabel_->Show();
        newPassword_->Show();
        message_->SetLabel(_("An administrator set this password: type it again and choose your own (12 characters or "
                             "four words) under New password."));
        Layout();
        password_->SetFocus();
        return false;
    }
    if (!attempt.member) {
        message_->SetLabel(wxString::FromUTF8(translated(attempt.problem)));
        Layout();
        password_->SetFocus();
        return false;
    }
    message_->SetLabel(wxEmptyString);
    signedIn_();
    return true;
}

}  // namespace madoguchi::gui
