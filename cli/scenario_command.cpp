#include <iostream>

#include "commands.h"

namespace madoguchi::cli {

// Not built yet: says so plainly instead of pretending.
int runScenario(const Arguments&) {
    std::cerr << "madoguchi-cli: this command is not available in this build yet\n";
    return kBadInput;
}

}  // namespace madoguchi::cli
