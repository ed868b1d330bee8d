#pragma once
// Staff accounts: passwords only as PBKDF2-HMAC-SHA256 hashes (600,000 iterations, random salt),
// compared in constant time; an account locks for a while after repeated failures.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/outcome.h"
#include "domain/ports/clock.h"
#include "domain/staff.h"
#include "storage/database.h"
#include "storage/visit_journal.h"

namespace madoguchi::storage {

inline constexpr int kPasswordIterations = 600'000;
inline constexpr int kFailuresBeforeLock = 5;
inline constexpr int kLockMinutes = 15;
inline constexpr std::size_t kMinimumPasswordLength = 12;  // characters (code points)
inline constexpr std::size_t kMinimumPassphraseWords = 4;  // or a passphrase of this many words
inline constexpr int kPasscodeFailuresBeforeLock = 3;       // then only the password opens the window

// At least kMinimumPasswordLength characters, or kMinimumPassphraseWords words; nullopt when fine.
std::optional<Problem> passwordProblem(const std::string& password);
bool anyAdministrator(Database& db);  // false on first run: the set-up asks for one
// The password is wiped after hashing. mustChangePassword: the holder must choose their own at
// the first sign-in (an account an administrator made or reset).
Outcome<bool> createStaff(Database& db, const StaffMember& member, std::string& password,
                          bool mustChangePassword = false);
// The first-run set-up: only while no administrator exists, and only for an administrator.
Outcome<bool> setUpFirstAdministrator(Database& db, const StaffMember& member, std::string& password);

enum class SignInResult { SignedIn, MustChangePassword, WrongPassword, LockedNow, Locked, UnknownId };
struct SignInAttempt {
    Outcome<StaffMember> outcome;  // the member for SignedIn and MustChangePassword
    SignInResult result;
};
// Refused while the account is locked; the fifth wrong password in a row locks it for kLockMinutes.
// A locked account, an unknown ID and a wrong password get the same answer after the same work.
SignInAttempt signIn(Database& db, const std::string& staffId, std::string& password, const LocalDateTime& now);
Outcome<StaffMember> authenticate(Database& db, const std::string& staffId, std::string& password,
                                  const LocalDateTime& now);
// The personal passcode for a quick switch between colleagues at a window: 4 to 8 digits, stored
// as PBKDF2 like a password (wiped after hashing). nullopt when the passcode is fine.
std::optional<Problem> passcodeProblem(const std::string& passcode);
Outcome<bool> setStaffPasscode(Database& db, const std::string& staffId, std::string& passcode);
// Like signIn(), with the passcode: the same answer and work for an unknown ID, no passcode, a
// wrong or a locked one. The kPasscodeFailuresBeforeLock-th wrong passcode in a row locks the
// passcode (LockedNow) until the holder signs in with the password, which clears the count.
SignInAttempt signInWithPasscode(Database& db, const std::string& staffId, std::string& passcode);
std::vector<StaffMember> listStaff(Database& db);  // by ID
Outcome<bool> setStaffRole(Database& db, const std::string& staffId, StaffRole role);
// A new password (wiped after hashing); clears failures and any lock.
Outcome<bool> resetStaffPassword(Database& db, const std::string& staffId, std::string& password,
                                 bool mustChangePassword = false);

// A member signed in at a window, as the staff table says at each action: the windows re-check the
// role every time, not only at sign-in, so a role changed since counts from the next action (an
// account no longer there keeps only the receptionist's permissions).
class StaffStanding {
public:
    StaffStanding(Database& db, StaffMember member) : db_(&db), member_(std::move(member)) {}
    StaffMember now() const;
    const std::string& id() const { return member_.id; }
    // The same member read over another connection (a worker thread's).
    StaffStanding on(Database& db) const { return StaffStanding(db, member_); }

private:
    Database* db_;
    StaffMember member_;
};

// The staff accounts of one facility journal, for the windows and the command line: every change
// is checked against the acting member's permission (ManageStaff) before it touches the database,
// and every sign-in, failure, lock-out, sign-out and change is written to the audit trail.
class StaffAccounts {
public:
    StaffAccounts(FacilityJournal& journal, const Clock& clock) : journal_(journal), clock_(clock) {}

    bool anyAdministrator() { return storage::anyAdministrator(journal_.database()); }
    // Audited: staff.sign_in, staff.sign_in_failed (why, for the administrator only), staff.locked_out.
    Outcome<StaffMember> authenticate(const std::string& staffId, std::string& password, const LocalDateTime& now);
    // The quick switch at a window. Audited like authenticate(): staff.sign_in "by passcode",
    // staff.sign_in_failed, staff.passcode_locked.
    Outcome<StaffMember> authenticateByPasscode(const std::string& staffId, std::string& passcode,
                                                const LocalDateTime& now);
    // The holder sets their own passcode, confirming with the password (both wiped).
    Outcome<bool> setOwnPasscode(const std::string& staffId, std::string& password, std::string& passcode);
    // True for an account an administrator made or reset, until its holder chooses a password.
    bool mustChangePassword(const std::string& staffId);
    // The holder's own change: the current password, then the new one (the policy applies).
    Outcome<bool> changeOwnPassword(const std::string& staffId, std::string& current, std::string& fresh);
    // settings.changed, "field: old -> new" (secrets already masked by the caller).
    void recordSettingsChange(const StaffMember& admin, const std::string& change) { audit(admin.id, "settings.changed", change); }
    // settings.saved: who saved the settings file (and sealed it), where, how many changes.
    void recordSettingsSaved(const StaffMember& admin, const std::string& detail) { audit(admin.id, "settings.saved", detail); }
    // settings.refused, by "system": a settings file changed outside the dialog was not used.
    void recordSettingsRefused(const std::string& detail) { audit("system", "settings.refused", detail); }
    // staff.sign_out, or staff.idle_lock when the screen locked itself.
    void recordSignOut(const StaffMember& member, bool idle);
    std::vector<StaffMember> list() { return listStaff(journal_.database()); }
    // The first administrator needs no actor (first run); every other change does.
    Outcome<bool> createFirstAdministrator(const StaffMember& admin, std::string& password);
    Outcome<bool> create(const StaffMember& actor, const StaffMember& member, std::string& password);
    Outcome<bool> setRole(const StaffMember& actor, const std::string& staffId, StaffRole role);
    Outcome<bool> resetPassword(const StaffMember& actor, const std::string& staffId, std::string& password);

private:
    void audit(const std::string& staffId, const std::string& action, const std::string& detail);

    FacilityJournal& journal_;
    const Clock& clock_;
};

}  // namespace madoguchi::storage
