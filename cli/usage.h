#pragma once
// What each madoguchi-cli command takes: printed by `madoguchi-cli --help` (all commands) and by
// `madoguchi-cli COMMAND [SUBCOMMAND] --help` (that command), on standard output.
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::cli {

struct CommandUsage {
    std::string name;                      // "copay", "sim oqs", ...
    std::vector<std::string> subcommands;  // the words after the name ("parse", "query"); may be empty
    std::string text;                      // usage lines, each starting with the command's name
};

const std::vector<CommandUsage>& commandUsages();
std::optional<CommandUsage> usageOf(const std::string& name);
std::string fullUsage();  // "usage: madoguchi-cli COMMAND [ARGS...]" and every command's lines
std::string commandHelp(const std::vector<std::string>& names);  // "usage:" and these commands' lines

}  // namespace madoguchi::cli
