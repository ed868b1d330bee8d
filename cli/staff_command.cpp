// madoguchi-cli staff password --user ID [--password-file FILE] [--new-password-file FILE] [--db FILE|URI]:
// the holder chooses their own password (required after an administrator made or reset the account).
#include <iostream>
#include <stdexcept>

#include "app/system_clock.h"
#include "commands.h"
#include "journal_options.h"
#include "sign_in.h"
#include "storage/staff_accounts.h"

namespace madoguchi::cli {

int runStaff(const Arguments& args) {
    Options options(args, withSignInOptions({"--db", "--new-password-file"}), {});
    if (options.positional().size() != 1 || options.positional()[0] != "password")
        throw std::invalid_argument("usage: staff password --user ID [--password-file FILE] [--new-password-file FILE]");
    if (options.value("--session"))
        throw std::invalid_argument("staff password needs the current password (--user ID), not a session");
    storage::FacilityJournal journal(journalLocation(options));
    actAsCommandLine(journal);
    std::string user = options.required("--user");
    std::string current = readPassword(options, "--password-file", "Current password for " + user + ": ");
    std::string fresh = readPassword(options, "--new-password-file", "New password for " + user + ": ");
    app::SystemClock clock;
    storage::StaffAccounts staff(journal, clock);
    if (auto changed = staff.changeOwnPassword(user, current, fresh); !changed)
        throw std::runtime_error(changed.problem().message);
    std::cout << "{\"changed\": true}\n";
    return kOk;
}

}  // namespace madoguchi::cli
