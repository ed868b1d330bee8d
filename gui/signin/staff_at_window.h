#pragma once
// Who works at the reception window, as the window shows it: the sign-in screen instead of the
// patient columns until someone signs in, again after a sign-out, and when the window was idle
// for the idle-lock setting (the queue count stays visible; patient data does not).
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

    wxWindow* panel() const { return panel_; }
    SignInPanel* signInPanel() const { return panel_; }
    const WindowSignIn& signIn() const { return signIn_; }
    // The environment's member at start (the demo's receptionist), else the sign-in screen.
    void start();
    void signOut();
    void lockIdle();
    // 受付 › My passcode…: the password, then the new passcode (twice), in modal dialogs.
    void choosePasscode();
    void showWaiting(int waiting) { panel_->showWaiting(waiting); }
    IdleWatch& idleWatch() { return *idle_; }

private:
    void showSignIn();
    void showWork();

    wxFrame& frame_;
    wxWindow& work_;
    ReceptionEnvironment& environment_;
    std::function<void(const StaffMember*)> staffChanged_;
    WindowSignIn signIn_;
    SignInPanel* panel_ = nullptr;
    std::unique_ptr<IdleWatch> idle_;
};

}  // namespace madoguchi::gui
