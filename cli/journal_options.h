#pragma once
// The --db option shared by the journal commands (report, audit, journal): a journal file or
// the site server's postgresql:// URI.
#include <string>

#include "arguments.h"

namespace madoguchi::cli {

// --db FILE|URI, else the default file; a file must exist.
std::string journalLocation(const Options& options);

}  // namespace madoguchi::cli
