#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "domain/staff.h"

using namespace madoguchi;
namespace data = boost::unit_test::data;

namespace {
const StaffRole kRoles[] = {StaffRole::Receptionist, StaffRole::Pharmacist, StaffRole::Manager, StaffRole::Admin};
}  // namespace

BOOST_AUTO_TEST_SUITE(Staff)

BOOST_AUTO_TEST_CASE(RoleNamesRoundTrip) {
    for (StaffRole role : kRoles) BOOST_CHECK(staffRoleFromName(staffRoleName(role)) == role);
    BOOST_CHECK_EQUAL(staffRoleName(StaffRole::Pharmacist), "pharmacist");
    BOOST_CHECK(!staffRoleFromName("owner"));
    BOOST_CHECK(!staffRoleFromName("Admin"));
}

BOOST_AUTO_TEST_CASE(EveryoneMayReceiveAndSeeEligibility) {
    for (StaffRole role : kRoles) {
        BOOST_CHECK(roleAllows(role, Permission::Reception));
        BOOST_CHECK(roleAllows(role, Permission::ViewEligibility));
    }
}

// role, reports/re-tag/official rate, audit trail/staff/settings
BOOST_DATA_TEST_CASE(BackOfficeWorkIsForManagersAndAdministrators,
                     data::make({"receptionist", "pharmacist", "manager", "admin"}) ^ data::make({false, false, true, true}) ^
                         data::make({false, false, false, true}),
                     roleName, managerWork, adminWork) {
    StaffRole role = *staffRoleFromName(roleName);
    BOOST_CHECK_EQUAL(roleAllows(role, Permission::ViewReports), managerWork);
    BOOST_CHECK_EQUAL(roleAllows(role, Permission::RetagClaim), managerWork);
    BOOST_CHECK_EQUAL(roleAllows(role, Permission::EnterOfficialRate), managerWork);
    BOOST_CHECK_EQUAL(roleAllows(role, Permission::ViewAuditTrail), adminWork);
    BOOST_CHECK_EQUAL(roleAllows(role, Permission::ManageStaff), adminWork);
    BOOST_CHECK_EQUAL(roleAllows(role, Permission::EditSettings), adminWork);
}

BOOST_AUTO_TEST_CASE(ARefusalSaysWhatToDo) {
    auto refused = requirePermission({"uketsuke1", "受付", StaffRole::Receptionist}, Permission::ManageStaff);
    BOOST_REQUIRE(!refused);
    BOOST_CHECK_EQUAL(refused.problem().code, "staff.not_allowed");
    BOOST_CHECK_NE(refused.problem().message.find("Ask a manager"), std::string::npos);
    BOOST_CHECK(requirePermission({"admin", "院長", StaffRole::Admin}, Permission::ManageStaff).ok());
}

BOOST_AUTO_TEST_SUITE_END()
