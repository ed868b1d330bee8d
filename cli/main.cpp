// madoguchi-cli: the reception domain without a window, for scripts, tests and benchmarks.
#include <cstdio>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <string>

#include "app/process_hardening.h"
#include "commands.h"

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
    };
    return table;
}

void printUsage() {
    std::cerr << "usage: madoguchi-cli COMMAND [ARGS...]\n"
                 "commands:\n"
                 "  copay --birth YYYY-MM-DD --on YYYY-MM-DD [--elderly-ratio 020|030]\n"
                 "        [--kouki-ratio 010|020|030] [--preschool] [--points N]\n"
                 "  insurer-number check NUMBER\n"
                 "  scenario FILE\n"
                 "  oqs parse FILE | oqs query --root DIR --insurer N --number N [--symbol S]\n"
                 "        [--branch B] --birth YYYY-MM-DD\n"
                 "  sim oqs --root DIR [--dataset FILE] [--http-port N [--ca-cert PEM]]\n"
                 "  sim card --profile FILE\n"
                 "  card read|pin-status|verify-pin|check|portrait-status|face-check [--url https://HOST:N]\n"
                 "  report daily|followup|usage [--date D] [--month M] [--format json|csv] [--bom]\n"
                 "        [--set-official RATE --staff ID] [--db FILE]\n"
                 "  audit verify [--db FILE]\n"
                 "  journal generate --db FILE --start YYYY-MM-DD --days N --per-day N [--seed N] [--patients N]\n";
}

}  // namespace

int main(int argc, char** argv) {
    madoguchi::app::disableCoreDumps();
    Arguments words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "--help" || words[0] == "-h") {
        printUsage();
        return words.empty() ? madoguchi::cli::kBadInput : madoguchi::cli::kOk;
    }
    std::string name = words[0];
    std::size_t consumed = 1;
    if (name == "sim" && words.size() > 1) {
        name += " " + words[1];
        consumed = 2;
    }
    auto found = commands().find(name);
    if (found == commands().end()) {
        std::cerr << "madoguchi-cli: unknown command '" << name << "'\n";
        printUsage();
        return madoguchi::cli::kBadInput;
    }
    try {
        return found->second(Arguments(words.begin() + static_cast<long>(consumed), words.end()));
    } catch (const std::exception& error) {
        std::cerr << "madoguchi-cli " << name << ": " << error.what() << "\n";
        return madoguchi::cli::kBadInput;
    }
}
