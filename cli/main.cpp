// madoguchi-cli: the reception domain without a window, for scripts, tests and benchmarks.
#include <cstdio>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <string>

#include "app/process_hardening.h"
#include "commands.h"
#include "platform/console.h"
#include "storage/database.h"
#include "storage/private_files.h"
#include "usage.h"

namespace {

using madoguchi::cli::Arguments;
using Command = std::function<int(const Arguments&)>;

const std::map<std::string, Command>& commands() {
    using namespace madoguchi::cli;
    static const std::map<std::string, Command> table{
        {"copay", runCopay},       {"insurer-number", runInsurerNumber},
        {"scenario", runScenario}, {"oqs", runOqs},
        {"sim oqs", runSimOqs},    {"sim card", runSimCard},
        {"card", runCard},         {"report", runReport},
        {"audit", runAudit},       {"journal", runJournal},
        {"staff", runStaff},       {"sign-in", runSignIn},
        {"sign-out", runSignOut},
        {"claim", runClaim},       {"followup", runFollowup},
        {"druginfo", runDrugInfo}, {"checkup", runCheckup},
    };
    return table;
}

bool asksForHelp(const Arguments& words) {
    for (const auto& word : words)
        if (word == "--help" || word == "-h") return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    madoguchi::storage::usePrivateUmask();  // every file this process writes is private to its user
    madoguchi::app::disableCoreDumps();
    madoguchi::platform::useBinaryStandardOutput();
    const Arguments words = madoguchi::platform::utf8Arguments(argc, argv);
    if (words.empty()) {
        std::cerr << madoguchi::cli::fullUsage();
        return madoguchi::cli::kBadInput;
    }
    if (words[0] == "--help" || words[0] == "-h") {
        std::cout << madoguchi::cli::fullUsage();
        return madoguchi::cli::kOk;
    }
    std::string name = words[0];
    std::size_t consumed = 1;
    if (name == "sim" && words.size() > 1 && !asksForHelp({words[1]})) {
        name += " " + words[1];
        consumed = 2;
    }
    auto found = commands().find(name);
    if (found == commands().end() && name == "sim" && asksForHelp(words)) {
        std::cout << madoguchi::cli::commandHelp({"sim oqs", "sim card"});
        return madoguchi::cli::kOk;
    }
    if (found == commands().end()) {
        std::cerr << "madoguchi-cli: unknown command '" << name << "'\n" << madoguchi::cli::fullUsage();
        return madoguchi::cli::kBadInput;
    }
    const Arguments rest(words.begin() + static_cast<long>(consumed), words.end());
    if (asksForHelp(rest)) {
        std::cout << madoguchi::cli::commandHelp({name});
        return madoguchi::cli::kOk;
    }
    try {
        return found->second(rest);
    } catch (const madoguchi::storage::StorageError& error) {
        std::cerr << "madoguchi-cli " << name << ": " << error.what() << "\n";
        if (error.failure != madoguchi::storage::StorageFailure::Unreachable) return madoguchi::cli::kBadInput;
        std::cerr << "madoguchi-cli " << name
                  << ": the journal's server cannot be reached: nothing was read or written. Run the command again "
                     "once the server answers.\n";
        return madoguchi::cli::kUnreachable;
    } catch (const std::exception& error) {
        std::cerr << "madoguchi-cli " << name << ": " << error.what() << "\n";
        return madoguchi::cli::kBadInput;
    }
}
