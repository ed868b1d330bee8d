#pragma once
// Signing in at the command line: `--user ID` with the password from the terminal (not echoed)
// or, for scripts, from `--password-file FILE` (refused unless only its owner may read it). No
// command that reads or changes the journal trusts a staff ID without its password.
#include "arguments.h"
#include "domain/staff.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {

// A journal command's own value options plus the sign-in options every journal command accepts.
std::set<std::string> withSignInOptions(std::set<std::string> own);
// Names the command line as the "window" of the audit rows this process writes.
void actAsCommandLine(storage::FacilityJournal& journal);

// Signs in and checks `permission`; throws std::runtime_error with the reason otherwise (an
// account that must choose its own password first is refused too, with how to do it). With
// `--session FILE` the session ticket of `madoguchi-cli sign-in` signs in instead of the password
// (storage/session_ticket.h), at the time of the command's clock (--today where accepted).
StaffMember signIn(storage::FacilityJournal& journal, const Options& options, Permission permission);
// --user ID and the password (PBKDF2), whatever else the options hold.
StaffMember signInWithPassword(storage::FacilityJournal& journal, const Options& options, Permission permission);
// The session ticket `ticket` signs in (no --user, no password), then `permission` is checked.
StaffMember signInWithSession(storage::FacilityJournal& journal, const Options& options, const std::string& ticket,
                              Permission permission);
// On a journal without an administrator (a new one), creates the first administrator from the
// same options; otherwise signs in as signIn() does.
StaffMember signInOrSetUp(storage::FacilityJournal& journal, const Options& options, Permission permission);
// A command that shows the patient data of a file (oqs/druginfo/checkup parse): opens the journal
// (--db), signs in with ViewEligibility and writes `action` (who, --patient if given, the file)
// before anything is shown. Throws as signIn() does.
void signInToShowFile(const Options& options, const std::string& action, const std::string& file);
// The password from --password-file or the terminal; `prompt` is shown on the terminal.
std::string readPassword(const Options& options, const std::string& fileOption, const std::string& prompt);

}  // namespace madoguchi::cli
