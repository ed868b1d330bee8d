#include "dispatch.h"

#include <algorithm>
#include <array>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string_view>

#include "app/process_hardening.h"
#include "platform/console.h"
#include "platform/heap_pages.h"
#include "storage/database.h"
#include "storage/private_files.h"

namespace madoguchi::cli {

bool isDeviceCommand(const std::string& name) {
    static constexpr std::array<std::string_view, 8> kNames{"scenario", "oqs",      "sim oqs",  "sim card",
                                                            "card",     "followup", "druginfo", "checkup"};
    return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

CommandWords splitCommandWords(const Arguments& words) {
    CommandWords split{words[0], {}};
    std::size_t consumed = 1;
    if (split.name == "sim" && words.size() > 1 && !asksForHelp({words[1]})) {
        split.name += " " + words[1];
        consumed = 2;
    }
    split.rest.assign(words.begin() + static_cast<long>(consumed), words.end());
    return split;
}

bool asksForHelp(const Arguments& words) {
    return std::any_of(words.begin(), words.end(), [](const auto& word) { return word == "--help" || word == "-h"; });
}

void prepareCommandProcess() {
    // A report of tens of thousands of rows fills tens of MiB of heap (its JSON or CSV as it is
    // built): on huge pages, not faulted in 4 KiB at a time (platform/heap_pages.h).
    platform::heapOnHugePages(64u << 20);
    storage::usePrivateUmask();  // every file this process writes is private to its user
    app::disableCoreDumps();
    platform::useBinaryStandardOutput();
}

int runCaught(const std::string& name, Command command, const Arguments& rest) {
    try {
        const int code = command(rest);
        if (!std::cout.flush())  // a full disk or a closed pipe under the answer: never a silent success
            throw std::runtime_error("cannot write the output (disk full, or the reader closed it?)");
        return code;
    } catch (const storage::StorageError& error) {
        std::cerr << "madoguchi-cli " << name << ": " << error.what() << "\n";
        if (error.failure != storage::StorageFailure::Unreachable) return kBadInput;
        std::cerr << "madoguchi-cli " << name
                  << ": the journal's server cannot be reached: nothing was read or written. Run the command again "
                     "once the server answers.\n";
        return kUnreachable;
    } catch (const std::exception& error) {
        std::cerr << "madoguchi-cli " << name << ": " << error.what() << "\n";
        return kBadInput;
    }
}

}  // namespace madoguchi::cli
