#pragma once
// A thin RAII layer over the sqlite3 C API: one connection, prepared statements, transactions.
// Errors are thrown as StorageError with SQLite's message; the journal turns them into Problems.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <map>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi::storage {

struct StorageError : std::runtime_error {
    StorageError(const std::string& what, int code) : std::runtime_error(what), sqliteCode(code) {}
    int sqliteCode;  // extended result code
    bool diskFull() const;   // no space left, or the disk fails (I/O error)
    bool transient() const;  // worth retrying later: disk full or failing, file busy or locked
    bool constraint() const; // the data was refused (duplicate key, foreign key): retrying won't help
};

class Statement;

class Database {
public:
    explicit Database(const std::filesystem::path& path, bool readOnly = false);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void execute(const std::string& sql);  // one or more statements, no results
    Statement prepare(const std::string& sql);
    // A statement compiled once per connection and reused (the hot paths: a visit's inserts, the
    // audit chain). It is reset when the returned Statement goes out of scope; do not hold two
    // uses of the same SQL at once.
    Statement cached(const std::string& sql);
    int userVersion();
    void setUserVersion(int version);
    sqlite3* handle() { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::map<std::string, sqlite3_stmt*> cache_;
};

class Statement {
public:
    Statement(sqlite3* db, const std::string& sql);
    Statement(sqlite3* db, sqlite3_stmt* borrowed);  // from the connection's cache: reset, not finalized
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;

    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, std::int64_t value);
    Statement& bindNull(int index);
    Statement& bindOptional(int index, const std::optional<std::int64_t>& value);
    bool step();  // true while a row is available
    void run();   // steps to the end
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
    bool borrowed_ = false;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace madoguchi::storage
