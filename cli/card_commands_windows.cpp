// Windows (cli/CMakeLists.txt): the card reader (winscard) and the virtual card (vpcd, OpenJPEG)
// are not in the Windows build yet, so `card` and `sim card` say so instead of doing anything.
#include <iostream>

#include "commands.h"

namespace madoguchi::cli {
namespace {

int notInThisBuild(const char* command) {
    std::cerr << "madoguchi-cli " << command
              << ": the card reader commands are not in the Windows build yet (docs/windows.md)\n";
    return kBadInput;
}

}  // namespace

int runCard(const Arguments&) { return notInThisBuild("card"); }
int runSimCard(const Arguments&) { return notInThisBuild("sim card"); }

}  // namespace madoguchi::cli
