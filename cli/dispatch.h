#pragma once
// Finding a command in madoguchi-cli's words and running it, shared by madoguchi-cli and its
// helper for the gateway and card commands (cli/CMakeLists.txt): the commands that scripts call
// most (copay, reports, the journal) live in madoguchi-cli itself, which links no network, XML,
// ZIP or PC/SC library; the others run in the helper, started in madoguchi-cli's place.
#include <map>
#include <string>

#include "commands.h"

namespace madoguchi::cli {

using Command = int (*)(const Arguments&);
using CommandTable = std::map<std::string, Command>;

const CommandTable& journalCommands();  // journal_commands.cpp: linked into madoguchi-cli
const CommandTable& deviceCommands();   // device_commands.cpp: the helper's (Windows: linked in)
bool isDeviceCommand(const std::string& name);  // a name of deviceCommands(), known without them

struct CommandWords {
    std::string name;  // "copay", "sim oqs" (sim takes its second word unless that asks for help)
    Arguments rest;    // the arguments after the name
};
CommandWords splitCommandWords(const Arguments& words);  // words: not empty

bool asksForHelp(const Arguments& words);

// Every process-wide setting both programs make first: private files, no core dumps, binary
// standard output.
void prepareCommandProcess();

// Runs the command; a storage or other error becomes its message on stderr and the exit code.
int runCaught(const std::string& name, Command command, const Arguments& rest);

}  // namespace madoguchi::cli
