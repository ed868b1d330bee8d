// madoguchi-cli sign-in / sign-out: a session ticket for scripts, so that a script asking many
// reports checks the password once (storage/session_ticket.h).
#include <iostream>
#include <stdexcept>

#include "command_clock.h"
#include "commands.h"
#include "journal_options.h"
#include "json_output.h"
#include "sign_in.h"
#include "storage/session_ticket.h"

namespace madoguchi::cli {

int runSignIn(const Arguments& args) {
    Options options(args, withSignInOptions({"--db", "--minutes", kTodayOption}), {});
    const std::string ticket = options.required("--session");
    const int minutes =
        numberOption(options, "--minutes", storage::kDefaultSessionMinutes, 1, storage::kLongestSessionMinutes);
    storage::FacilityJournal journal(journalLocation(options));
    const StaffMember member = signInWithPassword(journal, options, Permission::Reception);
    const CommandClock clock(options);
    auto session = storage::openSession(journal, member, clock, ticket, minutes);
    if (!session) throw std::runtime_error(session.problem().message);
    Poco::JSON::Object json;
    json.set("session", ticket);
    json.set("staff", member.id);
    json.set("role", std::string(staffRoleName(member.role)));
    json.set("expires", session.value().expires.iso());
    printJson(json);
    return kOk;
}

int runSignOut(const Arguments& args) {
    Options options(args, {"--db", "--session", kTodayOption}, {});
    const std::string ticket = options.required("--session");
    storage::FacilityJournal journal(journalLocation(options));
    actAsCommandLine(journal);
    const CommandClock clock(options);
    auto closed = storage::closeSession(journal, clock, ticket);
    if (!closed) throw std::runtime_error(closed.problem().message);
    Poco::JSON::Object json;
    json.set("signed_out", closed.value().substr(0, 8));
    printJson(json);
    return kOk;
}

}  // namespace madoguchi::cli
