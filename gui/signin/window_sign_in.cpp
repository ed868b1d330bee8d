#include "gui/signin/window_sign_in.h"

namespace madoguchi::gui {

StaffSignIn WindowSignIn::signIn(const std::string& staffId, std::string& password, std::string& freshPassword,
                                 const std::string& currentVisitId) {
    const bool quickSwitch = state_ == State::Locked && freshPassword.empty() && !storage::passcodeProblem(password);
    StaffSignIn attempt = quickSwitch ? signInStaffByPasscode(staff_, clock_, staffId, password, Permission::Reception)
                                      : signInStaff(staff_, clock_, staffId, password, freshPassword, Permission::Reception);
    if (!attempt.member) return attempt;
    if (state_ == State::Locked && member_ && member_->id != attempt.member->id)
        journal_.audit({clock_.now().iso(), attempt.member->id, "staff.switched", "", currentVisitId,
                        "took over from " + member_->id + (currentVisitId.empty() ? "" : ", continuing the visit"), ""});
    member_ = attempt.member;
    state_ = State::Open;
    return attempt;
}

void WindowSignIn::assume(const StaffMember& member) {
    journal_.audit({clock_.now().iso(), member.id, "staff.sign_in", "", "", "demo: signed in at start", ""});
    member_ = member;
    state_ = State::Open;
}

void WindowSignIn::lockIdle() {
    if (state_ != State::Open) return;
    staff_.recordSignOut(*member_, true);
    state_ = State::Locked;
}

Outcome<bool> WindowSignIn::setPasscode(std::string& password, std::string& passcode) {
    if (!open()) return Problem{"staff.not_signed_in", N_("Sign in first.")};
    return staff_.setOwnPasscode(member_->id, password, passcode);
}

void WindowSignIn::signOut() {
    if (member_ && state_ != State::SignedOut) staff_.recordSignOut(*member_, false);
    member_.reset();
    state_ = State::SignedOut;
}

}  // namespace madoguchi::gui
