#include "storage/sqlite.h"

#include <sqlite3.h>

namespace madoguchi::storage {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    throw StorageError(what + ": " + (db ? sqlite3_errmsg(db) : "no connection"), code);
}

}  // namespace

bool StorageError::diskFull() const { return (sqliteCode & 0xff) == SQLITE_FULL || (sqliteCode & 0xff) == SQLITE_IOERR; }

bool StorageError::transient() const {
    int primary = sqliteCode & 0xff;
    return diskFull() || primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_READONLY ||
           primary == SQLITE_CANTOPEN || primary == SQLITE_NOMEM;
}

bool StorageError::constraint() const { return (sqliteCode & 0xff) == SQLITE_CONSTRAINT; }

Database::Database(const std::filesystem::path& path, bool readOnly) {
    int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StorageError("cannot open " + path.string() + ": " + message, SQLITE_CANTOPEN);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
}

Database::~Database() {
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
    sqlite3_close(db_);
}

void Database::execute(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        throw StorageError(text, sqlite3_extended_errcode(db_));
    }
}

Statement Database::prepare(const std::string& sql) { return Statement(db_, sql); }

Statement Database::cached(const std::string& sql) {
    auto found = cache_.find(sql);
    if (found == cache_.end()) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
            fail(db_, "cannot prepare");
        found = cache_.emplace(sql, statement).first;
    }
    return Statement(db_, found->second);
}

int Database::userVersion() {
    Statement query = prepare("PRAGMA user_version");
    query.step();
    return static_cast<int>(query.integer(0));
}

void Database::setUserVersion(int version) { execute("PRAGMA user_version = " + std::to_string(version)); }

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) fail(db, "cannot prepare");
}

Statement::Statement(sqlite3* db, sqlite3_stmt* borrowed) : db_(db), statement_(borrowed), borrowed_(true) {}

Statement::~Statement() {
    if (!borrowed_) {
        sqlite3_finalize(statement_);
    } else if (statement_) {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), statement_(other.statement_), borrowed_(other.borrowed_) {
    other.statement_ = nullptr;
}

Statement& Statement::bind(int index, const std::string& value) {
    if (sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(db_, "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) fail(db_, "cannot bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (sqlite3_bind_null(statement_, index) != SQLITE_OK) fail(db_, "cannot bind");
    return *this;
}

Statement& Statement::bindOptional(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step() {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "cannot execute");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::string Statement::text(int column) const {
    auto bytes = sqlite3_column_text(statement_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                 : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }
bool Statement::isNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

Transaction::Transaction(Database& db) : db_(db) { db_.execute("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.execute("ROLLBACK");
    } catch (const StorageError&) {  // nothing more can be done in a destructor
    }
}

void Transaction::commit() {
    db_.execute("COMMIT");
    done_ = true;
}

}  // namespace madoguchi::storage
