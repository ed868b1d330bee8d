#pragma once
// The --db option shared by the journal commands (report, audit, journal).
#include <filesystem>

#include "arguments.h"

namespace madoguchi::cli {

std::filesystem::path journalPath(const Options& options);  // --db FILE, else the default path

}  // namespace madoguchi::cli
