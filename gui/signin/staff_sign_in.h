#pragma once
// Who works at a window: one sign-in rule for the reception window and the manager's and
// administrator's dialogs. The staff ID and password (an account an administrator made or
// reset first chooses its own password), then the role checked against what the window needs.
// Every attempt lands in the audit trail through StaffAccounts, with the journal's window name.
#include <optional>
#include <string>

#include "domain/staff.h"
#include "storage/staff_accounts.h"

namespace madoguchi::gui {

struct StaffSignIn {
    std::optional<StaffMember> member;  // signed in and allowed
    bool choosePassword = false;        // right password, but the holder must choose their own first
    std::string problem;                // English msgid (or the storage's message); empty when signed in
};

// password and freshPassword (empty unless the holder is choosing their own) are wiped.
StaffSignIn signInStaff(storage::StaffAccounts& staff, const Clock& clock, const std::string& staffId,
                        std::string& password, std::string& freshPassword, Permission required);

// The quick switch: the staff ID and the personal passcode (wiped), then the role.
StaffSignIn signInStaffByPasscode(storage::StaffAccounts& staff, const Clock& clock, const std::string& staffId,
                                  std::string& passcode, Permission required);

}  // namespace madoguchi::gui
