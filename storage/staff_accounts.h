#pragma once
// Staff accounts: passwords only as PBKDF2-HMAC-SHA256 hashes (600,000 iterations, random salt),
// compared in constant time; an account locks for a while after repeated failures.
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/outcome.h"
#include "domain/staff.h"
#include "storage/sqlite.h"

namespace madoguchi::storage {

inline constexpr int kPasswordIterations = 600'000;
inline constexpr int kFailuresBeforeLock = 5;
inline constexpr int kLockMinutes = 15;

bool anyAdministrator(Database& db);  // false on first run: the set-up asks for one
// The password is wiped after hashing.
Outcome<bool> createStaff(Database& db, const StaffMember& member, std::string& password);
// The first-run set-up: only while no administrator exists, and only for an administrator.
Outcome<bool> setUpFirstAdministrator(Database& db, const StaffMember& member, std::string& password);
// Refused while the account is locked; the fifth wrong password in a row locks it for kLockMinutes.
Outcome<StaffMember> authenticate(Database& db, const std::string& staffId, std::string& password,
                                  const LocalDateTime& now);
std::vector<StaffMember> listStaff(Database& db);  // by ID
Outcome<bool> setStaffRole(Database& db, const std::string& staffId, StaffRole role);
// A new password (wiped after hashing); clears failures and any lock.
Outcome<bool> resetStaffPassword(Database& db, const std::string& staffId, std::string& password);

// The staff accounts of one facility journal, for the windows: every change is checked against
// the acting member's permission (ManageStaff) before it touches the database.
class StaffAccounts {
public:
    explicit StaffAccounts(Database& db) : db_(db) {}

    bool anyAdministrator() { return storage::anyAdministrator(db_); }
    Outcome<StaffMember> authenticate(const std::string& staffId, std::string& password, const LocalDateTime& now) {
        return storage::authenticate(db_, staffId, password, now);
    }
    std::vector<StaffMember> list() { return listStaff(db_); }
    // The first administrator needs no actor (first run); every other change does.
    Outcome<bool> createFirstAdministrator(const StaffMember& admin, std::string& password);
    Outcome<bool> create(const StaffMember& actor, const StaffMember& member, std::string& password);
    Outcome<bool> setRole(const StaffMember& actor, const std::string& staffId, StaffRole role);
    Outcome<bool> resetPassword(const StaffMember& actor, const std::string& staffId, std::string& password);

private:
    Database& db_;
};

}  // namespace madoguchi::storage
