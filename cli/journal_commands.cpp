// The commands madoguchi-cli runs itself: rules, the journal, reports and accounts (cli/dispatch.h).
#include "dispatch.h"

namespace madoguchi::cli {

const CommandTable& journalCommands() {
    static const CommandTable table{
        {"copay", runCopay},   {"insurer-number", runInsurerNumber},
        {"report", runReport}, {"audit", runAudit},
        {"journal", runJournal}, {"staff", runStaff},
        {"sign-in", runSignIn}, {"sign-out", runSignOut},
        {"claim", runClaim},
    };
    return table;
}

}  // namespace madoguchi::cli
