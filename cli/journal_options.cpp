#include "journal_options.h"

#include <stdexcept>

#include "storage/visit_journal.h"

namespace madoguchi::cli {

std::filesystem::path journalPath(const Options& options) {
    std::filesystem::path path = options.value("--db").value_or(storage::defaultJournalPath().string());
    if (!std::filesystem::exists(path)) throw std::invalid_argument("no journal at " + path.string() + " (give --db FILE)");
    return path;
}

}  // namespace madoguchi::cli
