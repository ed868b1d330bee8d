// Windows only (storage/CMakeLists.txt): the build has no PostgreSQL client (libpq) yet, so the
// site server's engine and what talks to the server through libpq (postgres.cpp,
// server_address.cpp, server_check.cpp, journal_watch.cpp, pgpass.cpp) are left out and this
// file stands in for the parts the rest of the storage library names. A journal at a
// postgresql:// address is still recognised as one (open_database.h) and refused with a clear
// sentence instead of being taken for a file name; nothing is read or written. To be removed
// once the PostgreSQL engine is a separately loaded module (docs/windows.md).
#include "storage/journal_watch.h"
#include "storage/postgres.h"

namespace madoguchi::storage {
namespace {

[[noreturn]] void noSiteServer() {
    throw StorageError("this Windows build has no site server (PostgreSQL) engine yet: keep the journal in a file "
                       "on this PC (docs/windows.md)",
                       StorageFailure::Other);
}

}  // namespace

PostgresDatabase::PostgresDatabase(const std::string&) { noSiteServer(); }
PostgresDatabase::~PostgresDatabase() = default;
void PostgresDatabase::execute(const std::string&) { noSiteServer(); }
Statement PostgresDatabase::prepare(const std::string&) { noSiteServer(); }
int PostgresDatabase::schemaVersion() { noSiteServer(); }
void PostgresDatabase::setSchemaVersion(int) { noSiteServer(); }
void PostgresDatabase::beginWrite() { noSiteServer(); }
void PostgresDatabase::beginSnapshot() { noSiteServer(); }
void PostgresDatabase::commit() { noSiteServer(); }
void PostgresDatabase::rollback() {}

std::vector<std::pair<std::string, std::string>> connectionOptions(const std::string&) { noSiteServer(); }

// Only the site server's windows are told of new visits (journal_watch.cpp): a file journal never is.
void notifyVisitsChanged(Database&, const std::string&) {}

}  // namespace madoguchi::storage
