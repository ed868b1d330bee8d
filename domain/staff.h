#pragma once
// Staff roles and what each may do. Use cases check permissions here, not only the GUI.
#include <optional>
#include <string>
#include <string_view>

#include "outcome.h"

namespace madoguchi {

enum class StaffRole { Receptionist, Pharmacist, Manager, Admin };

enum class Permission {
    Reception,          // run a reception at the window or the counter
    ViewEligibility,    // see a patient's eligibility and history
    ViewReports,        // daily log, follow-up list, usage rate
    RetagClaim,         // OLD / UNKNOWN → CURRENT
    EnterOfficialRate,  // the 支払基金's official usage rate
    ViewAuditTrail,
    ManageStaff,
    EditSettings,
};

struct StaffMember {
    std::string id;
    std::string displayName;
    StaffRole role = StaffRole::Receptionist;
};

std::string_view staffRoleName(StaffRole role);  // "receptionist", "pharmacist", "manager", "admin"
std::optional<StaffRole> staffRoleFromName(std::string_view name);
bool roleAllows(StaffRole role, Permission permission);
// A Problem naming what is not allowed, for the window and the log.
Outcome<bool> requirePermission(const StaffMember& who, Permission permission);

}  // namespace madoguchi
