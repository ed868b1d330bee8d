// madoguchi-cli: the reception domain without a window, for scripts, tests and benchmarks.
// The gateway, card and scenario commands run in a helper started in this process's place
// (cli/dispatch.h), so that the others never load what only those need.
#include <iostream>
#include <string>

#include "dispatch.h"
#include "platform/console.h"
#include "usage.h"

#ifdef MADOGUCHI_CLI_DEVICE_HELPER
#include "platform/modules.h"
#include "platform/process.h"
#endif

namespace {

using namespace madoguchi::cli;

// A gateway, card or scenario command: in the helper (which gets the same words), or linked in.
int runDeviceCommand(const CommandWords& command, const Arguments& words) {
#ifdef MADOGUCHI_CLI_DEVICE_HELPER
    const auto helper = madoguchi::platform::helperProgramPath("madoguchi-cli-devices", "MADOGUCHI_CLI_DEVICES");
    Arguments argv{helper.string()};
    argv.insert(argv.end(), words.begin(), words.end());
    const std::string reason = madoguchi::platform::replaceProcess(helper, argv);
    std::cerr << "madoguchi-cli " << command.name << ": the program for the gateway and card commands (" << helper.string()
              << ") could not be started: " << reason << "\n";
    return kBadInput;
#else
    (void)words;
    return runCaught(command.name, deviceCommands().at(command.name), command.rest);
#endif
}

}  // namespace

int main(int argc, char** argv) {
    prepareCommandProcess();
    const Arguments words = madoguchi::platform::utf8Arguments(argc, argv);
    if (words.empty()) {
        std::cerr << fullUsage();
        return kBadInput;
    }
    if (words[0] == "--help" || words[0] == "-h") {
        std::cout << fullUsage();
        return kOk;
    }
    const CommandWords command = splitCommandWords(words);
    const auto found = journalCommands().find(command.name);
    const bool known = found != journalCommands().end() || isDeviceCommand(command.name);
    if (!known && command.name == "sim" && asksForHelp(words)) {
        std::cout << commandHelp({"sim oqs", "sim card"});
        return kOk;
    }
    if (!known) {
        std::cerr << "madoguchi-cli: unknown command '" << command.name << "'\n" << fullUsage();
        return kBadInput;
    }
    if (asksForHelp(command.rest)) {
        std::cout << commandHelp({command.name});
        return kOk;
    }
    if (found != journalCommands().end()) return runCaught(command.name, found->second, command.rest);
    return runDeviceCommand(command, words);
}
