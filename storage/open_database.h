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

// The owner of a database just opened, used through a name (`auto db = openDatabase(x);
// db->prepare(...)`) or handed on to a std::unique_ptr<Database>. A Statement must not outlive
// its database, so reaching the database through the temporary itself is refused at compile
// time: `openDatabase(x)->prepare(...)` would leave the statement with a closed connection.
class OpenedDatabase {
public:
    explicit OpenedDatabase(std::unique_ptr<Database> db) : db_(std::move(db)) {}
    Database* operator->() & { return db_.get(); }
    Database& operator*() & { return *db_; }
    Database* operator->() && = delete;
    Database& operator*() && = delete;
    operator std::unique_ptr<Database>() && { return std::move(db_); }  // NOLINT: hands the ownership on

private:
    std::unique_ptr<Database> db_;
};

// A server location opens the site server's engine module first (storage/postgres_engine.h):
// throws StorageError(EngineMissing) when it is not installed.
OpenedDatabase openDatabase(const std::string& location, bool readOnly = false);
// Where the journal's audit anchors are kept on this machine: beside a journal file; for a site
// server, in this PC's data folder, named after the server and database (never its options).
std::filesystem::path anchorPathForLocation(const std::string& location);
// Where this PC keeps its own files that go with the journal (forms, the face folder's memory):
// the journal file's folder, or this PC's data folder for a server journal.
std::filesystem::path localFolderFor(const std::string& location);
// The location without anything secret, for messages and logs (a URI's query options are dropped).
std::string displayLocation(const std::string& location);

}  // namespace madoguchi::storage
