// madoguchi-cli-devices: the helper madoguchi-cli runs in its own place for the gateway, card and
// scenario commands (cli/dispatch.h), with the same words. Installed under libexec, not on PATH.
#include <iostream>

#include "dispatch.h"
#include "platform/console.h"

int main(int argc, char** argv) {
    using namespace madoguchi::cli;
    prepareCommandProcess();
    const Arguments words = madoguchi::platform::utf8Arguments(argc, argv);
    if (words.empty()) {
        std::cerr << "madoguchi-cli-devices: run by madoguchi-cli, with a gateway or card command\n";
        return kBadInput;
    }
    const CommandWords command = splitCommandWords(words);
    const auto found = deviceCommands().find(command.name);
    if (found == deviceCommands().end()) {
        std::cerr << "madoguchi-cli: unknown command '" << command.name << "'\n";
        return kBadInput;
    }
    return runCaught(command.name, found->second, command.rest);
}
