#include "gui/signin/staff_at_window.h"

#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "gui/settings/language.h"

namespace madoguchi::gui {

StaffAtWindow::StaffAtWindow(wxFrame& frame, wxWindow& work, ReceptionEnvironment& environment,
                             std::function<void(const StaffMember*)> staffChanged,
                             std::function<std::string()> currentVisit)
    : frame_(frame),
      work_(work),
      environment_(environment),
      staffChanged_(std::move(staffChanged)),
      currentVisit_(std::move(currentVisit)),
      signIn_(environment.journal(), environment.clock()) {
    idle_ = std::make_unique<IdleWatch>(frame, environment.clock(), environment.settings().idleLockMinutes,
                                        [this] { lockIdle(); });
}

SignInPanel& StaffAtWindow::ensurePanel() {
    if (panel_) return *panel_;
    panel_ = new SignInPanel(
        &frame_,
        [this](const std::string& staffId, std::string& password, std::string& fresh) {
            environment_.prepareStaffAccounts();
            return signIn_.signIn(staffId, password, fresh, currentVisit_());
        },
        [this] { showWork(); });
    panel_->Hide();
    panel_->showWaiting(waiting_);
    if (wxSizer* screens = frame_.GetSizer()) screens->Add(panel_, 1, wxEXPAND);
    return *panel_;
}

void StaffAtWindow::showWaiting(int waiting) {
    waiting_ = waiting;
    if (panel_) panel_->showWaiting(waiting);
}

void StaffAtWindow::start() {
    if (auto member = environment_.memberAtStart()) {
        signIn_.assume(*member);
        showWork();
    } else {
        showSignIn();
    }
}

void StaffAtWindow::signOut() {
    signIn_.signOut();
    showSignIn();
}

void StaffAtWindow::lockIdle() {
    if (!signIn_.open()) return;
    signIn_.lockIdle();
    showSignIn();
}

void StaffAtWindow::choosePasscode() {
    if (!signIn_.open()) return;
    wxPasswordEntryDialog password(&frame_, _("Your password"), _("My passcode"));
    if (password.ShowModal() != wxID_OK) return;
    wxPasswordEntryDialog first(&frame_, _("New passcode (4 to 8 digits)"), _("My passcode"));
    if (first.ShowModal() != wxID_OK) return;
    wxPasswordEntryDialog second(&frame_, _("Passcode again"), _("My passcode"));
    if (second.ShowModal() != wxID_OK) return;
    if (first.GetValue() != second.GetValue()) {
        wxMessageBox(_("The two passcodes differ: nothing was changed."), _("My passcode"), wxOK | wxICON_WARNING, &frame_);
        return;
    }
    std::string secret = password.GetValue().utf8_string();
    std::string passcode = first.GetValue().utf8_string();
    auto set = signIn_.setPasscode(secret, passcode);
    wxMessageBox(set ? _("Your passcode is set: it unlocks this window when it is locked.")
                     : wxString::FromUTF8(translated(set.problem().message)),
                 _("My passcode"), wxOK, &frame_);
}

void StaffAtWindow::showSignIn() {
    staffChanged_(nullptr);
    work_.Hide();
    SignInPanel& panel = ensurePanel();
    panel.prepare(signIn_, environment_.signInHint());
    panel.Show();
    frame_.Layout();
    const wxString facility = wxString::FromUTF8(environment_.settings().facility.name);
    frame_.SetStatusText(signIn_.state() == WindowSignIn::State::Locked ? wxString::Format(_("%s — locked"), facility)
                                                                         : wxString::Format(_("%s — signed out"), facility));
}

void StaffAtWindow::showWork() {
    if (panel_) panel_->Hide();
    work_.Show();
    frame_.Layout();
    idle_->restart();
    staffChanged_(&*signIn_.member());
}

}  // namespace madoguchi::gui
