#include "storage/staff_accounts.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <vector>

namespace madoguchi::storage {
namespace {

using Bytes = std::vector<unsigned char>;

Bytes derive(const std::string& password, const Bytes& salt, int iterations) {
    Bytes hash(32);
    PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                      iterations, EVP_sha256(), static_cast<int>(hash.size()), hash.data());
    return hash;
}

void wipe(std::string& secret) {
    OPENSSL_cleanse(secret.data(), secret.size());
    secret.clear();
}

std::string blob(const Bytes& bytes) { return std::string(bytes.begin(), bytes.end()); }
Bytes bytes(const std::string& blob) { return Bytes(blob.begin(), blob.end()); }

Problem refused() { return Problem{"staff.login_failed", N_("The staff ID or the password is wrong.")}; }

void recordFailure(Database& db, const std::string& staffId, int failures, const LocalDateTime& now) {
    std::string lockedUntil;
    if (failures >= kFailuresBeforeLock) {
        LocalDateTime until = now;
        until.minute += kLockMinutes;
        if (until.minute >= 60) {  // carry into the hour (and the day) without a clock library
            until.hour += until.minute / 60;
            until.minute %= 60;
            if (until.hour >= 24) {
                until.hour -= 24;
                until.date = until.date.plusDays(1);
            }
        }
        lockedUntil = until.iso();
    }
    db.prepare("UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?")
        .bind(1, static_cast<std::int64_t>(failures))
        .bind(2, lockedUntil)
        .bind(3, staffId)
        .run();
}

}  // namespace

bool anyAdministrator(Database& db) {
    Statement query = db.prepare("SELECT 1 FROM staff WHERE role = 'admin' LIMIT 1");
    return query.step();
}

Outcome<bool> createStaff(Database& db, const StaffMember& member, std::string& password) {
    if (member.id.empty()) return Problem{"staff.id_required", N_("Enter a staff ID.")};
    if (password.size() < 8) {
        wipe(password);
        return Problem{"staff.password_short", N_("The password needs at least 8 characters.")};
    }
    Bytes salt(16);
    RAND_bytes(salt.data(), static_cast<int>(salt.size()));
    Bytes hash = derive(password, salt, kPasswordIterations);
    wipe(password);
    try {
        db.prepare("INSERT INTO staff(id, display_name, role, salt, iterations, password_hash) VALUES(?,?,?,?,?,?)")
            .bind(1, member.id)
            .bind(2, member.displayName)
            .bind(3, std::string(staffRoleName(member.role)))
            .bind(4, blob(salt))
            .bind(5, static_cast<std::int64_t>(kPasswordIterations))
            .bind(6, blob(hash))
            .run();
    } catch (const StorageError& error) {
        if (error.constraint()) return Problem{"staff.exists", N_("A staff member with this ID already exists.")};
        return Problem{"staff.not_saved", std::string(N_("The staff account could not be saved.")) + " " + error.what()};
    }
    return true;
}

Outcome<bool> setUpFirstAdministrator(Database& db, const StaffMember& member, std::string& password) {
    if (anyAdministrator(db)) {
        wipe(password);
        return Problem{"staff.already_set_up", N_("An administrator already exists: ask them to add accounts.")};
    }
    if (member.role != StaffRole::Admin) {
        wipe(password);
        return Problem{"staff.first_must_be_admin", N_("The first account must be an administrator.")};
    }
    return createStaff(db, member, password);
}

Outcome<StaffMember> authenticate(Database& db, const std::string& staffId, std::string& password,
                                  const LocalDateTime& now) {
    Statement query = db.prepare(
        "SELECT display_name, role, salt, iterations, password_hash, failed_attempts, locked_until FROM staff WHERE id = ?");
    query.bind(1, staffId);
    if (!query.step()) {
        // Same work as for a real account, so the answer's timing does not tell which IDs exist.
        derive(password, Bytes(16, 0), kPasswordIterations);
        wipe(password);
        return refused();
    }
    const std::string lockedUntil = query.text(6);
    if (!lockedUntil.empty() && now.iso() < lockedUntil) {
        wipe(password);
        return Problem{"staff.locked", N_("Too many wrong passwords: the account is locked for 15 minutes.")};
    }
    Bytes stored = bytes(query.text(4));
    Bytes computed = derive(password, bytes(query.text(2)), static_cast<int>(query.integer(3)));
    wipe(password);
    StaffMember member{staffId, query.text(0), staffRoleFromName(query.text(1)).value_or(StaffRole::Receptionist)};
    // After a lock has run out the count starts again: five more tries before the next lock.
    int failures = lockedUntil.empty() ? static_cast<int>(query.integer(5)) : 0;
    query.reset();
    if (stored.size() != computed.size() || CRYPTO_memcmp(stored.data(), computed.data(), stored.size()) != 0) {
        recordFailure(db, staffId, failures + 1, now);
        return refused();
    }
    db.prepare("UPDATE staff SET failed_attempts = 0, locked_until = '' WHERE id = ?").bind(1, staffId).run();
    return member;
}

std::vector<StaffMember> listStaff(Database& db) {
    std::vector<StaffMember> staff;
    Statement query = db.prepare("SELECT id, display_name, role FROM staff ORDER BY id");
    while (query.step())
        staff.push_back({query.text(0), query.text(1), staffRoleFromName(query.text(2)).value_or(StaffRole::Receptionist)});
    return staff;
}

namespace {
bool staffExists(Database& db, const std::string& staffId) {
    Statement query = db.prepare("SELECT 1 FROM staff WHERE id = ?");
    query.bind(1, staffId);
    return query.step();
}
Problem noSuchStaff() { return Problem{"staff.unknown", N_("There is no staff member with this ID.")}; }
}  // namespace

Outcome<bool> setStaffRole(Database& db, const std::string& staffId, StaffRole role) {
    if (!staffExists(db, staffId)) return noSuchStaff();
    db.prepare("UPDATE staff SET role = ? WHERE id = ?").bind(1, std::string(staffRoleName(role))).bind(2, staffId).run();
    return true;
}

Outcome<bool> resetStaffPassword(Database& db, const std::string& staffId, std::string& password) {
    if (!staffExists(db, staffId)) {
        wipe(password);
        return noSuchStaff();
    }
    if (password.size() < 8) {
        wipe(password);
        return Problem{"staff.password_short", N_("The password needs at least 8 characters.")};
    }
    Bytes salt(16);
    RAND_bytes(salt.data(), static_cast<int>(salt.size()));
    Bytes hash = derive(password, salt, kPasswordIterations);
    wipe(password);
    db.prepare("UPDATE staff SET salt = ?, iterations = ?, password_hash = ?, failed_attempts = 0, locked_until = '' "
               "WHERE id = ?")
        .bind(1, blob(salt))
        .bind(2, static_cast<std::int64_t>(kPasswordIterations))
        .bind(3, blob(hash))
        .bind(4, staffId)
        .run();
    return true;
}

Outcome<bool> StaffAccounts::createFirstAdministrator(const StaffMember& admin, std::string& password) {
    if (storage::anyAdministrator(db_)) {
        wipe(password);
        return Problem{"staff.admin_exists", N_("An administrator exists already: sign in as the administrator.")};
    }
    StaffMember member = admin;
    member.role = StaffRole::Admin;
    return createStaff(db_, member, password);
}

Outcome<bool> StaffAccounts::create(const StaffMember& actor, const StaffMember& member, std::string& password) {
    if (auto allowed = requirePermission(actor, Permission::ManageStaff); !allowed) {
        wipe(password);
        return allowed.problem();
    }
    return createStaff(db_, member, password);
}

Outcome<bool> StaffAccounts::setRole(const StaffMember& actor, const std::string& staffId, StaffRole role) {
    if (auto allowed = requirePermission(actor, Permission::ManageStaff); !allowed) return allowed.problem();
    if (staffId == actor.id && role != StaffRole::Admin)
        return Problem{"staff.own_admin_role", N_("You cannot take the administrator role from yourself.")};
    return setStaffRole(db_, staffId, role);
}

Outcome<bool> StaffAccounts::resetPassword(const StaffMember& actor, const std::string& staffId, std::string& password) {
    if (auto allowed = requirePermission(actor, Permission::ManageStaff); !allowed) {
        wipe(password);
        return allowed.problem();
    }
    return resetStaffPassword(db_, staffId, password);
}

}  // namespace madoguchi::storage
