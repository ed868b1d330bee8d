#pragma once
// The SQLite engine of the storage port: one connection over the sqlite3 C API, prepared
// statements (the hot ones cached per connection), BEGIN IMMEDIATE for writes. Errors are thrown
// as StorageError with SQLite's message, classified by its extended result code.
#include <filesystem>
#include <map>
#include <string>

#include "storage/database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi::storage {

class SqliteDatabase : public Database {
public:
    explicit SqliteDatabase(const std::filesystem::path& path, bool readOnly = false);
    ~SqliteDatabase() override;

    Engine engine() const override { return Engine::Sqlite; }
    void execute(const std::string& sql) override;
    Statement prepare(const std::string& sql) override;
    Statement cached(const std::string& sql) override;
    int schemaVersion() override;  // PRAGMA user_version
    void setSchemaVersion(int version) override;
    void beginWrite() override { execute("BEGIN IMMEDIATE"); }
    void beginSnapshot() override { execute("BEGIN"); }
    void commit() override { execute("COMMIT"); }
    void rollback() override { execute("ROLLBACK"); }

private:
    sqlite3* db_ = nullptr;
    std::map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace madoguchi::storage
