#include "storage/staff_accounts.h"

#include <algorithm>
#include <vector>

#include "storage/crypto_primitives.h"

namespace madoguchi::storage {
namespace {

using Bytes = std::vector<unsigned char>;

// Stands in for an unknown account: the same salt size, work and comparison as a real one.
const Bytes& dummySalt() {
    static const Bytes salt(16, 0x5a);
    return salt;
}

Bytes derive(const std::string& password, const Bytes& salt, int iterations) {
    Bytes hash(32);
    pbkdf2Sha256(password, salt, static_cast<unsigned>(iterations), hash);
    return hash;
}

std::string blob(const Bytes& bytes) { return std::string(bytes.begin(), bytes.end()); }
Bytes bytes(const std::string& blob) { return Bytes(blob.begin(), blob.end()); }

Problem refused() { return Problem{"staff.login_failed", N_("The staff ID or the password is wrong.")}; }

std::size_t codePoints(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::size_t words(const std::string& text) {
    std::size_t count = 0;
    bool inWord = false;
    for (char c : text) {
        bool space = c == ' ';
        if (!space && !inWord) ++count;
        inWord = !space;
    }
    return count;
}

// A fresh salt and the hash of `password` (wiped either way), or a Problem when the password
// is too weak (`weak`: what the policy said of it) or the random source fails.
Outcome<std::pair<Bytes, Bytes>> saltAndHash(std::string& password, const std::optional<Problem>& weak) {
    if (weak) {
        wipe(password);
        return *weak;
    }
    Bytes salt(16);
    if (!randomBytes(salt)) {
        wipe(password);
        return Problem{"staff.random_failed", N_("The system's random source failed: the password was not saved.")};
    }
    Bytes hash = derive(password, salt, kPasswordIterations);
    wipe(password);
    return std::pair{salt, hash};
}

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

std::optional<Problem> passwordProblem(const std::string& password) {
    if (codePoints(password) >= kMinimumPasswordLength || words(password) >= kMinimumPassphraseWords) return std::nullopt;
    return Problem{"staff.password_short",
                   N_("The password needs at least 12 characters, or a passphrase of at least four words.")};
}

Outcome<bool> createStaff(Database& db, const StaffMember& member, std::string& password, bool mustChangePassword) {
    if (member.id.empty()) {
        wipe(password);
        return Problem{"staff.id_required", N_("Enter a staff ID.")};
    }
    auto hashed = saltAndHash(password, passwordProblem(password));
    if (!hashed) return hashed.problem();
    const auto& [salt, hash] = hashed.value();
    try {
        db.prepare("INSERT INTO staff(id, display_name, role, salt, iterations, password_hash, must_change_password) "
                   "VALUES(?,?,?,?,?,?,?)")
            .bind(1, member.id)
            .bind(2, member.displayName)
            .bind(3, std::string(staffRoleName(member.role)))
            .bindBlob(4, blob(salt))
            .bind(5, static_cast<std::int64_t>(kPasswordIterations))
            .bindBlob(6, blob(hash))
            .bind(7, static_cast<std::int64_t>(mustChangePassword ? 1 : 0))
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

SignInAttempt signIn(Database& db, const std::string& staffId, std::string& password, const LocalDateTime& now) {
    Statement query = db.prepare(
        "SELECT display_name, role, salt, iterations, password_hash, failed_attempts, locked_until, must_change_password "
        "FROM staff WHERE id = ?");
    query.bind(1, staffId);
    const bool known = query.step();
    // An unknown ID, a locked account and a wrong password do the same work (one PBKDF2 and one
    // comparison) and get the same answer, so neither the answer nor its timing tells them apart.
    static const Bytes dummyHash = derive("unknown account", dummySalt(), kPasswordIterations);
    const std::string lockedUntil = known ? query.text(6) : std::string();
    const bool locked = !lockedUntil.empty() && now.iso() < lockedUntil;
    Bytes stored = known ? bytes(query.blob(4)) : dummyHash;
    Bytes computed = derive(password, known ? bytes(query.blob(2)) : dummySalt(),
                            known ? static_cast<int>(query.integer(3)) : kPasswordIterations);
    wipe(password);
    bool matches = stored.size() == computed.size() && sameBytes(stored.data(), computed.data(), stored.size());
    if (!known) return {refused(), SignInResult::UnknownId};
    if (locked) return {refused(), SignInResult::Locked};
    StaffMember member{staffId, query.text(0), staffRoleFromName(query.text(1)).value_or(StaffRole::Receptionist)};
    // After a lock has run out the count starts again: five more tries before the next lock.
    int failures = lockedUntil.empty() ? static_cast<int>(query.integer(5)) : 0;
    bool mustChange = query.integer(7) != 0;
    query.reset();
    if (!matches) {
        recordFailure(db, staffId, failures + 1, now);
        return {refused(), failures + 1 >= kFailuresBeforeLock ? SignInResult::LockedNow : SignInResult::WrongPassword};
    }
    db.prepare("UPDATE staff SET failed_attempts = 0, locked_until = '', passcode_failures = 0 WHERE id = ?")
        .bind(1, staffId)
        .run();
    return {member, mustChange ? SignInResult::MustChangePassword : SignInResult::SignedIn};
}

std::optional<Problem> passcodeProblem(const std::string& passcode) {
    const bool digits = std::all_of(passcode.begin(), passcode.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && passcode.size() >= 4 && passcode.size() <= 8) return std::nullopt;
    return Problem{"staff.passcode_form", N_("A passcode is 4 to 8 digits.")};
}

Outcome<bool> setStaffPasscode(Database& db, const std::string& staffId, std::string& passcode) {
    auto hashed = saltAndHash(passcode, passcodeProblem(passcode));
    if (!hashed) return hashed.problem();
    const auto& [salt, hash] = hashed.value();
    db.prepare("UPDATE staff SET passcode_salt = ?, passcode_hash = ?, passcode_failures = 0 WHERE id = ?")
        .bindBlob(1, blob(salt))
        .bindBlob(2, blob(hash))
        .bind(3, staffId)
        .run();
    return true;
}

SignInAttempt signInWithPasscode(Database& db, const std::string& staffId, std::string& passcode) {
    Statement query =
        db.prepare("SELECT display_name, role, passcode_salt, passcode_hash, passcode_failures FROM staff WHERE id = ?");
    query.bind(1, staffId);
    const bool known = query.step();
    const bool hasPasscode = known && !query.blob(3).empty();
    static const Bytes dummyHash = derive("unknown passcode", dummySalt(), kPasswordIterations);
    const Bytes stored = hasPasscode ? bytes(query.blob(3)) : dummyHash;
    const Bytes computed = derive(passcode, hasPasscode ? bytes(query.blob(2)) : dummySalt(), kPasswordIterations);
    wipe(passcode);
    const bool matches = stored.size() == computed.size() && sameBytes(stored.data(), computed.data(), stored.size());
    if (!hasPasscode) return {refused(), SignInResult::UnknownId};
    const int failures = static_cast<int>(query.integer(4));
    StaffMember member{staffId, query.text(0), staffRoleFromName(query.text(1)).value_or(StaffRole::Receptionist)};
    query.reset();
    if (failures >= kPasscodeFailuresBeforeLock) return {refused(), SignInResult::Locked};
    if (!matches) {
        db.prepare("UPDATE staff SET passcode_failures = ? WHERE id = ?")
            .bind(1, static_cast<std::int64_t>(failures + 1))
            .bind(2, staffId)
            .run();
        return {refused(), failures + 1 >= kPasscodeFailuresBeforeLock ? SignInResult::LockedNow : SignInResult::WrongPassword};
    }
    db.prepare("UPDATE staff SET passcode_failures = 0 WHERE id = ?").bind(1, staffId).run();
    return {member, SignInResult::SignedIn};
}

Outcome<StaffMember> authenticate(Database& db, const std::string& staffId, std::string& password,
                                  const LocalDateTime& now) {
    return signIn(db, staffId, password, now).outcome;
}

StaffMember StaffStanding::now() const {
    Statement query = db_->prepare("SELECT display_name, role FROM staff WHERE id = ?");
    query.bind(1, member_.id);
    if (!query.step()) return {member_.id, member_.displayName, StaffRole::Receptionist};
    return {member_.id, query.text(0), staffRoleFromName(query.text(1)).value_or(StaffRole::Receptionist)};
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

Outcome<bool> resetStaffPassword(Database& db, const std::string& staffId, std::string& password,
                                 bool mustChangePassword) {
    if (!staffExists(db, staffId)) {
        wipe(password);
        return noSuchStaff();
    }
    auto hashed = saltAndHash(password, passwordProblem(password));
    if (!hashed) return hashed.problem();
    const auto& [salt, hash] = hashed.value();
    db.prepare("UPDATE staff SET salt = ?, iterations = ?, password_hash = ?, failed_attempts = 0, locked_until = '', "
               "must_change_password = ? WHERE id = ?")
        .bindBlob(1, blob(salt))
        .bind(2, static_cast<std::int64_t>(kPasswordIterations))
        .bindBlob(3, blob(hash))
        .bind(4, static_cast<std::int64_t>(mustChangePassword ? 1 : 0))
        .bind(5, staffId)
        .run();
    return true;
}

void StaffAccounts::audit(const std::string& staffId, const std::string& action, const std::string& detail) {
    journal_.audit({clock_.now().iso(), staffId, action, "", "", detail, ""});
}

Outcome<StaffMember> StaffAccounts::authenticate(const std::string& staffId, std::string& password,
                                                 const LocalDateTime& now) {
    SignInAttempt attempt = signIn(journal_.database(), staffId, password, now);
    auto row = [&](const char* action, const std::string& detail) {
        journal_.audit({now.iso(), staffId, action, "", "", detail, ""});
    };
    switch (attempt.result) {
        case SignInResult::SignedIn: row("staff.sign_in", ""); break;
        case SignInResult::MustChangePassword: row("staff.sign_in", "must change the password"); break;
        case SignInResult::WrongPassword: row("staff.sign_in_failed", "wrong password"); break;
        case SignInResult::LockedNow:
            row("staff.sign_in_failed", "wrong password");
            row("staff.locked_out", std::to_string(kFailuresBeforeLock) + " wrong passwords in a row, locked for " +
                                        std::to_string(kLockMinutes) + " minutes");
            break;
        case SignInResult::Locked: row("staff.sign_in_failed", "account locked"); break;
        case SignInResult::UnknownId: row("staff.sign_in_failed", "unknown staff ID"); break;
    }
    return attempt.outcome;
}

Outcome<StaffMember> StaffAccounts::authenticateByPasscode(const std::string& staffId, std::string& passcode,
                                                          const LocalDateTime& now) {
    SignInAttempt attempt = signInWithPasscode(journal_.database(), staffId, passcode);
    auto row = [&](const char* action, const std::string& detail) {
        journal_.audit({now.iso(), staffId, action, "", "", detail, ""});
    };
    switch (attempt.result) {
        case SignInResult::SignedIn:
        case SignInResult::MustChangePassword: row("staff.sign_in", "by passcode"); break;
        case SignInResult::WrongPassword: row("staff.sign_in_failed", "wrong passcode"); break;
        case SignInResult::LockedNow:
            row("staff.sign_in_failed", "wrong passcode");
            row("staff.passcode_locked", std::to_string(kPasscodeFailuresBeforeLock) +
                                             " wrong passcodes in a row, the password is needed");
            break;
        case SignInResult::Locked: row("staff.sign_in_failed", "passcode locked"); break;
        case SignInResult::UnknownId: row("staff.sign_in_failed", "unknown staff ID or no passcode"); break;
    }
    return attempt.outcome;
}

Outcome<bool> StaffAccounts::setOwnPasscode(const std::string& staffId, std::string& password, std::string& passcode) {
    auto member = authenticate(staffId, password, clock_.now());
    if (!member) {
        wipe(passcode);
        return member.problem();
    }
    auto set = setStaffPasscode(journal_.database(), staffId, passcode);
    if (set) audit(staffId, "staff.passcode_set", "by the holder");
    return set;
}

bool StaffAccounts::mustChangePassword(const std::string& staffId) {
    Statement query = journal_.database().prepare("SELECT must_change_password FROM staff WHERE id = ?");
    query.bind(1, staffId);
    return query.step() && query.integer(0) != 0;
}

Outcome<bool> StaffAccounts::changeOwnPassword(const std::string& staffId, std::string& current, std::string& fresh) {
    auto member = authenticate(staffId, current, clock_.now());
    if (!member) {
        wipe(fresh);
        return member.problem();
    }
    auto changed = resetStaffPassword(journal_.database(), staffId, fresh, false);
    if (changed) audit(staffId, "staff.password_changed", "by the holder");
    return changed;
}

void StaffAccounts::recordSignOut(const StaffMember& member, bool idle) {
    audit(member.id, idle ? "staff.idle_lock" : "staff.sign_out", "");
}

Outcome<bool> StaffAccounts::createFirstAdministrator(const StaffMember& admin, std::string& password) {
    if (anyAdministrator()) {
        wipe(password);
        return Problem{"staff.admin_exists", N_("An administrator exists already: sign in as the administrator.")};
    }
    StaffMember member = admin;
    member.role = StaffRole::Admin;
    auto created = createStaff(journal_.database(), member, password);
    if (created) audit(member.id, "staff.created", member.id + " role=admin (first administrator)");
    return created;
}

Outcome<bool> StaffAccounts::create(const StaffMember& actor, const StaffMember& member, std::string& password) {
    if (auto allowed = requirePermission(actor, Permission::ManageStaff); !allowed) {
        wipe(password);
        return allowed.problem();
    }
    auto created = createStaff(journal_.database(), member, password, true);
    if (created) audit(actor.id, "staff.created", member.id + " role=" + std::string(staffRoleName(member.role)));
    return created;
}

Outcome<bool> StaffAccounts::setRole(const StaffMember& actor, const std::string& staffId, StaffRole role) {
    if (auto allowed = requirePermission(actor, Permission::ManageStaff); !allowed) return allowed.problem();
    if (staffId == actor.id && role != StaffRole::Admin)
        return Problem{"staff.own_admin_role", N_("You cannot take the administrator role from yourself.")};
    std::string before;
    for (const StaffMember& member : list())
        if (member.id == staffId) before = staffRoleName(member.role);
    auto changed = setStaffRole(journal_.database(), staffId, role);
    if (changed) audit(actor.id, "staff.role_changed", staffId + " " + before + " -> " + std::string(staffRoleName(role)));
    return changed;
}

Outcome<bool> StaffAccounts::resetPassword(const StaffMember& actor, const std::string& staffId, std::string& password) {
    if (auto allowed = requirePermission(actor, Permission::ManageStaff); !allowed) {
        wipe(password);
        return allowed.problem();
    }
    auto reset = resetStaffPassword(journal_.database(), staffId, password, staffId != actor.id);
    if (reset) audit(actor.id, "staff.password_reset", staffId);
    return reset;
}

}  // namespace madoguchi::storage
