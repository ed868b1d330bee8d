#pragma once
// Where the journal lives, as the settings and --db give it: a file path (SQLite, one window) or
// a postgresql:// URI (PostgreSQL, the site server). One factory opens the right engine.
#include <filesystem>
#include <memory>
#include <string>

#include "storage/database.h"

namespace madoguchi::storage {

// postgresql:// or postgres://
bool isServerLocation(const std::string& location);
// A server location opens the site server's engine module first (storage/postgres_engine.h):
// throws StorageError(EngineMissing) when it is not installed.
std::unique_ptr<Database> openDatabase(const std::string& location, bool readOnly = false);
// Where the journal's audit anchors are kept on this machine: beside a journal file; for a site
// server, in this PC's data folder, named after the server and database (never its options).
std::filesystem::path anchorPathForLocation(const std::string& location);
// Where this PC keeps its own files that go with the journal (forms, the face folder's memory):
// the journal file's folder, or this PC's data folder for a server journal.
std::filesystem::path localFolderFor(const std::string& location);
// The location without anything secret, for messages and logs (a URI's query options are dropped).
std::string displayLocation(const std::string& location);

}  // namespace madoguchi::storage
