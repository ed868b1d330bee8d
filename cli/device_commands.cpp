// The gateway, card and scenario commands: run by madoguchi-cli's helper (cli/dispatch.h).
#include "dispatch.h"

namespace madoguchi::cli {

const CommandTable& deviceCommands() {
    static const CommandTable table{
        {"scenario", runScenario}, {"oqs", runOqs},           {"sim oqs", runSimOqs},
        {"sim card", runSimCard},  {"card", runCard},         {"followup", runFollowup},
        {"druginfo", runDrugInfo}, {"checkup", runCheckup},
    };
    return table;
}

}  // namespace madoguchi::cli
