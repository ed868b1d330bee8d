#pragma once
// The person working at a reception window (or the pharmacy counter). Nobody at start (in the
// demo: the demo's receptionist), then whoever signs in with a role allowed to receive patients.
// The screen locks when the window was idle; whoever unlocks it — the same person or a colleague
// — is who the window works for from then on, and a colleague taking over a reception in progress
// is recorded against that visit. Every step is an audit row with the journal's window name.
#include <optional>
#include <string>

#include "gui/signin/staff_sign_in.h"
#include "storage/staff_accounts.h"
#include "storage/visit_journal.h"

namespace madoguchi::gui {

class WindowSignIn {
public:
    enum class State { SignedOut, Locked, Open };

    WindowSignIn(storage::FacilityJournal& journal, const Clock& clock) : journal_(journal), clock_(clock), staff_(journal, clock) {}

    State state() const { return state_; }
    bool open() const { return state_ == State::Open; }
    // Who works here now; while locked, who worked here last.
    const std::optional<StaffMember>& member() const { return member_; }

    // Staff ID and password, and the holder's own new password when an administrator set the
    // current one (all wiped). A locked window also opens with the personal passcode (4 to 8
    // digits, which no password can be). A colleague unlocking a locked window takes it over:
    // staff.switched, naming the visit in progress (currentVisitId, may be empty) they continue.
    StaffSignIn signIn(const std::string& staffId, std::string& password, std::string& freshPassword,
                       const std::string& currentVisitId = {});
    // The demo's receptionist, at the window from the start (staff.sign_in "demo").
    void assume(const StaffMember& member);
    void lockIdle();  // staff.idle_lock; the member is kept for the status line
    void signOut();   // staff.sign_out
    // The member at the window sets their personal passcode, confirming with the password.
    Outcome<bool> setPasscode(std::string& password, std::string& passcode);

private:
    storage::FacilityJournal& journal_;
    const Clock& clock_;
    storage::StaffAccounts staff_;
    State state_ = State::SignedOut;
    std::optional<StaffMember> member_;
};

}  // namespace madoguchi::gui
