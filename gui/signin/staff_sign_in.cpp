#include "gui/signin/staff_sign_in.h"

#include "storage/crypto_primitives.h"

namespace madoguchi::gui {

StaffSignIn signInStaff(storage::StaffAccounts& staff, const Clock& clock, const std::string& staffId,
                        std::string& password, std::string& freshPassword, Permission required) {
    if (!freshPassword.empty()) {
        std::string freshCopy = freshPassword;  // to sign in with once changed; both wiped
        auto changed = staff.changeOwnPassword(staffId, password, freshPassword);
        storage::wipe(password);
        password = changed ? freshCopy : std::string();
        storage::wipe(freshCopy);
        if (!changed) return {std::nullopt, false, changed.problem().message};
    }
    auto member = staff.authenticate(staffId, password, clock.now());
    if (!member) return {std::nullopt, false, member.problem().message};
    if (auto allowed = requirePermission(member.value(), required); !allowed)
        return {std::nullopt, false, allowed.problem().message};
    if (staff.mustChangePassword(staffId)) return {std::nullopt, true, {}};
    return {member.value(), false, {}};
}

StaffSignIn signInStaffByPasscode(storage::StaffAccounts& staff, const Clock& clock, const std::string& staffId,
                                  std::string& passcode, Permission required) {
    auto member = staff.authenticateByPasscode(staffId, passcode, clock.now());
    if (!member) return {std::nullopt, false, member.problem().message};
    if (auto allowed = requirePermission(member.value(), required); !allowed)
        return {std::nullopt, false, allowed.problem().message};
    return {member.value(), false, {}};
}

}  // namespace madoguchi::gui
