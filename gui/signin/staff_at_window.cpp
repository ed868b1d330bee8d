#include "gui/signin/staff_at_window.h"

#include <wx/frame.h>
#include <wx/intl.h>

namespace madoguchi::gui {

StaffAtWindow::StaffAtWindow(wxFrame& frame, wxWindow& work, ReceptionEnvironment& environment,
                             std::function<void(const StaffMember*)> staffChanged,
                             std::function<std::string()> currentVisit)
    : frame_(frame),
      work_(work),
      environment_(environment),
      staffChanged_(std::move(staffChanged)),
      signIn_(environment.journal(), environment.clock()) {
    panel_ = new SignInPanel(
        &frame,
        [this, currentVisit = std::move(currentVisit)](const std::string& staffId, std::string& password,
                                                       std::string& fresh) {
            environment_.prepareStaffAccounts();
            return signIn_.signIn(staffId, password, fresh, currentVisit());
        },
        [this] { showWork(); });
    idle_ = std::make_unique<IdleWatch>(frame, environment.clock(), environment.settings().idleLockMinutes,
                                        [this] { lockIdle(); });
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

void StaffAtWindow::showSignIn() {
    staffChanged_(nullptr);
    work_.Hide();
    panel_->prepare(signIn_, environment_.signInHint());
    panel_->Show();
    frame_.Layout();
    const wxString facility = wxString::FromUTF8(environment_.settings().facility.name);
    frame_.SetStatusText(signIn_.state() == WindowSignIn::State::Locked ? wxString::Format(_("%s — locked"), facility)
                                                                         : wxString::Format(_("%s — signed out"), facility));
}

void StaffAtWindow::showWork() {
    panel_->Hide();
    work_.Show();
    frame_.Layout();
    idle_->restart();
    staffChanged_(&*signIn_.member());
}

}  // namespace madoguchi::gui
