#pragma once
// Staff accounts: passwords only as PBKDF2-HMAC-SHA256 hashes (600,000 iterations, random salt),
// compared in constant time; an account locks for a while after repeated failures.
#include <string>

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

}  // namespace madoguchi::storage
