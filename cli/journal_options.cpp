#include "journal_options.h"

#include <filesystem>
#include <stdexcept>

#include "platform/utf8_path.h"
#include "storage/open_database.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {

std::string journalLocation(const Options& options) {
    std::string location = options.value("--db").value_or(platform::utf8Text(storage::defaultJournalPath()));
    if (!storage::isServerLocation(location) && !std::filesystem::exists(platform::utf8Path(location)))
        throw std::invalid_argument("no journal at " + location + " (give --db FILE or --db postgresql://HOST/DATABASE)");
    return location;
}

}  // namespace madoguchi::cli
