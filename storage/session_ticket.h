#pragma once
// A sign-in that lasts, for scripts (a レセコン asking a report per request): `madoguchi-cli
// sign-in` checks the password once (PBKDF2, as every sign-in) and writes a session ticket, a
// private file (0600) that later commands give instead of the password (`--session FILE`).
//
// The ticket is sealed with the audit key (HMAC-SHA256, storage/audit_key.h): only a program
// that can read this PC account's audit key can issue or accept one, so a ticket copied to
// another PC or account, or edited, is refused. It names the staff member, their role, the
// journal and when it was issued and ends (from the Clock port), and carries a stamp of the
// account's password hash: a changed role, a new password, a locked or removed account, another
// journal, the end of its time, or `sign-out` (the ticket's id in the revocation list beside the
// audit key) each make it refused, with a message saying which. Issuing, every use, every
// refusal and the sign-out are in the audit trail. The password hash itself is not weakened:
// whoever holds a valid ticket file holds this member's session until it ends, like an open
// window, and no longer.
#include <filesystem>
#include <string>

#include "domain/outcome.h"
#include "domain/ports/clock.h"
#include "domain/staff.h"
#include "storage/visit_journal.h"

namespace madoguchi::storage {

inline constexpr int kDefaultSessionMinutes = 60;
inline constexpr int kLongestSessionMinutes = 12 * 60;  // a working day

// The journal a ticket is bound to: a file's absolute path, or a server URI without its options.
std::string sessionJournalName(const std::string& location);

struct IssuedSession {
    std::string id;  // 32 hex digits
    LocalDateTime expires;
};

// Writes a ticket for `member` (already signed in with the password) valid from now for
// `minutes` (1 … kLongestSessionMinutes) to `file` (0600, replaced atomically). Audited:
// staff.session_opened. A Problem when the minutes are out of range or the file cannot be written.
Outcome<IssuedSession> openSession(FacilityJournal& journal, const StaffMember& member, const Clock& clock,
                                   const std::filesystem::path& file, int minutes);

// The member a ticket signs in, as the staff table says now. Audited: staff.sign_in "by session
// …", or staff.sign_in_failed / session.refused with the reason. Problems (code: the message):
// session.unreadable, session.not_private, session.malformed, session.forged (the seal does not
// match: edited, or issued on another PC or account), session.other_journal, session.not_yet,
// session.expired, session.signed_out, session.account_changed (removed, role or password
// changed), session.account_locked.
Outcome<StaffMember> signInWithSession(FacilityJournal& journal, const Clock& clock, const std::filesystem::path& file);

// Ends the session: its id goes into the revocation list (kept until the ticket would have
// expired), the file is removed. Audited: staff.sign_out "session …". Refuses a ticket that is
// not this PC's (session.forged, …) without touching anything.
Outcome<std::string> closeSession(FacilityJournal& journal, const Clock& clock, const std::filesystem::path& file);

// The revocation list: beside the audit key, "revoked-sessions" (0600).
std::filesystem::path revokedSessionsPath(const AuditKey& key);

}  // namespace madoguchi::storage
