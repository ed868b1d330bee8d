#pragma once
// Who works at the reception window, as the window shows it: the sign-in screen instead of the
// patient columns until someone signs in, again after a sign-out, and when the window was idle
// for the idle-lock setting (the queue count stays visible; patient data does not). The sign-in
// screen is made the first time it is shown (the demo's window starts signed in and may never
// show it), then added below the patient columns in the frame's sizer.
#include <functional>
#include <memory>
#include <string>

#include "gui/app/reception_environment.h"
#include "gui/signin/idle_watch.h"
#include "gui/signin/sign_in_panel.h"
#include "gui/signin/window_sign_in.h"

class wxFrame;

namespace madoguchi::gui {

class StaffAtWindow {
public:
    // work: the patient columns, hidden while nobody is signed in. staffChanged runs after each
    // sign-in with who works here now, and with nullptr when the window signs out or locks;
    // currentVisit names the visit in progress ("" if none).
    StaffAtWindow(wxFrame& frame, wxWindow& work, ReceptionEnvironment& environment,
                  std::function<void(const StaffMember*)> staffChanged, std::function<std::string()> currentVisit);

    SignInPanel* signInPanel() { return &ensurePanel(); }
    const WindowSignIn& signIn() const { return signIn_; }
    // The environment's member at start (the demo's receptionist), else the sign-in screen.
    void start();
    void signOut();
    void lockIdle();
    // 受付 › My passcode…: the password, then the new passcode (twice), in modal dialogs.
    void choosePasscode();
    void showWaiting(int waiting);
    IdleWatch& idleWatch() { return *idle_; }

private:
    void showSignIn();
    void showWork();
    SignInPanel& ensurePanel();

    wxFrame& frame_;
    wxWindow& work_;
    ReceptionEnvironment& environment_;
    std::function<void(const StaffMember*)> staffChanged_;
    std::function<std::string()> currentVisit_;
    WindowSignIn signIn_;
    SignInPanel* panel_ = nullptr;  // made by ensurePanel()
    int waiting_ = 0;
    std::unique_ptr<IdleWatch> idle_;
};

}  // namespace madoguchi::gui
