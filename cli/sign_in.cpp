#include "sign_in.h"

#include <fstream>
#include <stdexcept>

#include "app/system_clock.h"
#include "command_clock.h"
#include "journal_options.h"
#include "platform/console.h"
#include "storage/private_files.h"
#include "storage/session_ticket.h"
#include "storage/staff_accounts.h"

namespace madoguchi::cli {
namespace {

std::string fromFile(const std::string& file) {
    if (std::string reason = storage::notPrivateReason(file); !reason.empty())
        throw std::invalid_argument("the password file is refused: " + reason);
    std::ifstream in(file, std::ios::binary);
    std::string password;
    std::getline(in, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

// Reads one line from the terminal (the console on Windows) with echo off.
std::string fromTerminal(const std::string& prompt) {
    auto password = platform::readHiddenLine(prompt);
    if (!password) throw std::invalid_argument("no terminal to ask the password on: give --password-file FILE");
    return *password;
}

std::string userOption(const Options& options) {
    auto user = options.value("--user");
    if (!user || user->empty())
        throw std::invalid_argument("sign in: --user ID, with the password from the prompt or --password-file FILE");
    return *user;
}

}  // namespace

std::string readPassword(const Options& options, const std::string& fileOption, const std::string& prompt) {
    if (auto file = options.value(fileOption)) return fromFile(*file);
    return fromTerminal(prompt);
}

std::set<std::string> withSignInOptions(std::set<std::string> own) {
    own.insert({"--user", "--password-file", "--session"});
    return own;
}

void actAsCommandLine(storage::FacilityJournal& journal) { journal.setWindow("madoguchi-cli on " + storage::hostName()); }

StaffMember signIn(storage::FacilityJournal& journal, const Options& options, Permission permission) {
    if (auto session = options.value("--session")) return signInWithSession(journal, options, *session, permission);
    return signInWithPassword(journal, options, permission);
}

StaffMember signInWithPassword(storage::FacilityJournal& journal, const Options& options, Permission permission) {
    actAsCommandLine(journal);
    std::string user = userOption(options);
    app::SystemClock clock;
    storage::StaffAccounts staff(journal, clock);
    if (!staff.anyAdministrator())
        throw std::runtime_error("the journal has no administrator yet: create one with "
                                 "`madoguchi-cli journal migrate --db FILE|URI --user ID`");
    std::string password = readPassword(options, "--password-file", "Password for " + user + ": ");
    auto member = staff.authenticate(user, password, clock.now());
    if (!member) throw std::runtime_error(member.problem().message);
    if (staff.mustChangePassword(user))
        throw std::runtime_error("your password was set by an administrator: choose your own first with "
                                 "`madoguchi-cli staff password --user " + user + "`");
    if (auto allowed = requirePermission(member.value(), permission); !allowed)
        throw std::runtime_error(allowed.problem().message);
    return member.value();
}

StaffMember signInWithSession(storage::FacilityJournal& journal, const Options& options, const std::string& ticket,
                              Permission permission) {
    actAsCommandLine(journal);
    if (options.value("--user") || options.value("--password-file"))
        throw std::invalid_argument("sign in with --session FILE or with --user ID, not both");
    const CommandClock clock(options);
    auto member = storage::signInWithSession(journal, clock, ticket);
    if (!member) throw std::runtime_error(member.problem().message);
    if (auto allowed = requirePermission(member.value(), permission); !allowed)
        throw std::runtime_error(allowed.problem().message);
    return member.value();
}

StaffMember signInOrSetUp(storage::FacilityJournal& journal, const Options& options, Permission permission) {
    app::SystemClock clock;
    storage::StaffAccounts staff(journal, clock);
    if (staff.anyAdministrator()) return signIn(journal, options, permission);
    actAsCommandLine(journal);
    std::string user = userOption(options);
    std::string password = readPassword(options, "--password-file", "New administrator " + user + ", choose a password: ");
    StaffMember admin{user, user, StaffRole::Admin};
    if (auto created = staff.createFirstAdministrator(admin, password); !created)
        throw std::runtime_error(created.problem().message);
    return admin;
}

void signInToShowFile(const Options& options, const std::string& action, const std::string& file) {
    storage::FacilityJournal journal(journalLocation(options));
    actAsCommandLine(journal);
    const StaffMember staff = signIn(journal, options, Permission::ViewEligibility);
    journal.audit({CommandClock(options).now().iso(), staff.id, action, options.value("--patient").value_or(""), "", file, ""});
}

}  // namespace madoguchi::cli
