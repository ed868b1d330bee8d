#include "staff.h"

namespace madoguchi {

std::string_view staffRoleName(StaffRole role) {
    switch (role) {
        case StaffRole::Receptionist: return "receptionist";
        case StaffRole::Pharmacist: return "pharmacist";
        case StaffRole::Manager: return "manager";
        case StaffRole::Admin: return "admin";
    }
    return "unknown";
}

std::optional<StaffRole> staffRoleFromName(std::string_view name) {
    for (StaffRole role : {StaffRole::Receptionist, StaffRole::Pharmacist, StaffRole::Manager, StaffRole::Admin})
        if (staffRoleName(role) == name) return role;
    return std::nullopt;
}

bool roleAllows(StaffRole role, Permission permission) {
    switch (permission) {
        case Permission::Reception:
        case Permission::ViewEligibility: return true;
        case Permission::ViewReports:
        case Permission::RetagClaim:
        case Permission::EnterOfficialRate: return role == StaffRole::Manager || role == StaffRole::Admin;
        case Permission::ViewAuditTrail:
        case Permission::ManageStaff:
        case Permission::EditSettings: return role == StaffRole::Admin;
    }
    return false;
}

Outcome<bool> requirePermission(const StaffMember& who, Permission permission) {
    if (roleAllows(who.role, permission)) return true;
    return Problem{"staff.not_allowed", N_("Your role does not allow this. Ask a manager or an administrator.")};
}

}  // namespace madoguchi
