#pragma once
// The storage port's lowest layer: one connection to the journal's database, whichever engine
// holds it (SQLite for one window, PostgreSQL for a site). The journal, staff accounts and the
// audit trail speak portable SQL with `?` placeholders through this interface only; each engine
// (sqlite.h, postgres.h) maps it onto its client library. open_database.h picks the engine.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::storage {

enum class StorageFailure {
    Other,        // a bug or a refused statement: retrying won't help
    DiskFull,     // no space left, or the disk fails
    Busy,         // locked by another writer, out of memory: retry later
    Unreachable,  // the server cannot be reached (stopped, network down): retry later
    Constraint,   // the data was refused (duplicate key, foreign key)
    EngineMissing,  // the site server's engine (libmadoguchi-postgres.so) is not installed
};

struct StorageError : std::runtime_error {
    StorageError(const std::string& what, StorageFailure kind) : std::runtime_error(what), failure(kind) {}
    StorageFailure failure;
    bool diskFull() const { return failure == StorageFailure::DiskFull; }
    // Worth retrying later: disk full or failing, busy or locked, the server unreachable.
    bool transient() const {
        return failure == StorageFailure::DiskFull || failure == StorageFailure::Busy ||
               failure == StorageFailure::Unreachable;
    }
    bool constraint() const { return failure == StorageFailure::Constraint; }
};

enum class Engine { Sqlite, Postgres };

// One prepared statement of an engine; used through Statement.
class StatementEngine {
public:
    virtual ~StatementEngine() = default;
    virtual void bindText(int index, const std::string& value) = 0;
    virtual void bindInteger(int index, std::int64_t value) = 0;
    virtual void bindBlob(int index, const std::string& bytes) = 0;
    virtual void bindNull(int index) = 0;
    virtual bool step() = 0;
    virtual void reset() = 0;  // back to before the first step, bindings cleared
    // The column's text, valid until the next step or reset (no copy made).
    virtual std::string_view view(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual std::string blob(int column) const = 0;
    virtual bool isNull(int column) const = 0;
    // Rows handed over as the engine makes them, for a read stepped to its end before anything else
    // runs on the connection (a report's rows): a server's rows as they arrive instead of its whole
    // answer held first. SQLite makes its rows as they are stepped already.
    virtual void streamRows() {}
};

class Statement {
public:
    explicit Statement(std::unique_ptr<StatementEngine> engine) : engine_(std::move(engine)) {}

    Statement& bind(int index, const std::string& value) { engine_->bindText(index, value); return *this; }
    Statement& bind(int index, std::int64_t value) { engine_->bindInteger(index, value); return *this; }
    Statement& bindBlob(int index, const std::string& bytes) { engine_->bindBlob(index, bytes); return *this; }
    Statement& bindNull(int index) { engine_->bindNull(index); return *this; }
    Statement& bindOptional(int index, const std::optional<std::int64_t>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    bool step() { return engine_->step(); }  // true while a row is available
    void run() {  // steps to the end
        while (step()) {
        }
    }
    void reset() { engine_->reset(); }

    std::string text(int column) const { return std::string(engine_->view(column)); }
    std::string_view view(int column) const { return engine_->view(column); }  // until the next step
    std::int64_t integer(int column) const { return engine_->integer(column); }
    std::string blob(int column) const { return engine_->blob(column); }
    bool isNull(int column) const { return engine_->isNull(column); }
    // See StatementEngine::streamRows: before the first step; nothing else may run on the
    // connection until this statement has stepped to its end or been reset.
    Statement& streamed() {
        engine_->streamRows();
        return *this;
    }

private:
    std::unique_ptr<StatementEngine> engine_;
};

class Database {
public:
    virtual ~Database() = default;
    Database() = default;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    virtual Engine engine() const = 0;
    virtual void execute(const std::string& sql) = 0;  // one or more statements, no parameters, no results
    virtual Statement prepare(const std::string& sql) = 0;
    // A statement the engine may compile once per connection and reuse (the hot paths: a visit's
    // inserts, the audit chain). Do not hold two uses of the same SQL at once.
    virtual Statement cached(const std::string& sql) = 0;
    virtual int schemaVersion() = 0;  // 0 for an empty database
    virtual void setSchemaVersion(int version) = 0;
    // A write transaction: it holds the journal's write lock until commit or rollback, so the
    // audit chain's head cannot move between reading it and appending (SQLite: BEGIN IMMEDIATE;
    // PostgreSQL: a transaction-level advisory lock, shared by every window of the site).
    virtual void beginWrite() = 0;
    // A read-only transaction that sees one snapshot across its statements.
    virtual void beginSnapshot() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    // Notices between connections (PostgreSQL's LISTEN/NOTIFY): starts listening on `channel`;
    // false when the engine has none (SQLite).
    virtual bool listen(const std::string& /*channel*/) { return false; }
    // Waits up to `wait` for notices on the channels listened to and returns their payloads
    // (empty when none came). Throws StorageError(Unreachable) when the connection was lost.
    virtual std::vector<std::string> waitForNotices(std::chrono::milliseconds /*wait*/) { return {}; }
};

// beginWrite ... commit, rolled back if not committed.
class Transaction {
public:
    explicit Transaction(Database& db) : db_(db) { db_.beginWrite(); }
    ~Transaction() {
        if (done_) return;
        try {
            db_.rollback();
        } catch (const StorageError&) {  // nothing more can be done in a destructor
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        db_.commit();
        done_ = true;
    }

private:
    Database& db_;
    bool done_ = false;
};

// beginSnapshot ... the end of scope (nothing is written in it).
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db) : db_(db) { db_.beginSnapshot(); }
    ~ReadSnapshot() {
        try {
            db_.rollback();
        } catch (const StorageError&) {
        }
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& db_;
};

}  // namespace madoguchi::storage
