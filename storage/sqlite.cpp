#include "storage/sqlite.h"

#include <sqlite3.h>

#include <mutex>

#include "platform/large_blocks.h"

namespace madoguchi::storage {
namespace {

// SQLite's page cache in one block of the platform's large blocks, given once before the first
// connection (SQLITE_CONFIG_PAGECACHE; pages beyond it come from malloc as before). On Linux the
// block is one 2 MiB huge page, faulted in once: a report's read audit descends the audit's
// indexes into ~170 pages, and each page malloc'ed fresh was a page fault of its own (12-35 µs on
// this virtual machine; docs/performance.md, "Page faults, third pass").
void givePageCacheBlockOnce() {
    static std::once_flag given;
    std::call_once(given, [] {
        constexpr std::size_t kBlock = platform::kHugePageBytes, kLargestPage = 4096;  // our journals' page size
        int header = 0;
        if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return;  // SQLite already in use
        const std::size_t slot = kLargestPage + static_cast<std::size_t>(header);
        void* block = platform::largeBlocks()->allocate(kBlock, alignof(std::max_align_t));
        if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, block, static_cast<int>(slot), static_cast<int>(kBlock / slot)) !=
            SQLITE_OK)
            platform::largeBlocks()->deallocate(block, kBlock, alignof(std::max_align_t));
        // Given for the process's life: SQLite may use it until exit.
    });
}

StorageFailure failureOf(int extendedCode) {
    switch (extendedCode & 0xff) {
        case SQLITE_FULL:
        case SQLITE_IOERR: return StorageFailure::DiskFull;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_NOMEM: return StorageFailure::Busy;
        case SQLITE_CONSTRAINT: return StorageFailure::Constraint;
        default: return StorageFailure::Other;
    }
}

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    throw StorageError(what + ": " + (db ? sqlite3_errmsg(db) : "no connection"), failureOf(code));
}

class SqliteStatement : public StatementEngine {
public:
    SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) fail(db, "cannot prepare");
    }
    // From the connection's cache: reset when done, not finalized.
    SqliteStatement(sqlite3* db, sqlite3_stmt* borrowed) : db_(db), statement_(borrowed), borrowed_(true) {}
    ~SqliteStatement() override {
        if (borrowed_) reset();
        else sqlite3_finalize(statement_);
    }

    void bindText(int index, const std::string& value) override {
        check(sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
    }
    void bindInteger(int index, std::int64_t value) override { check(sqlite3_bind_int64(statement_, index, value)); }
    void bindBlob(int index, const std::string& bytes) override {
        check(sqlite3_bind_blob(statement_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT));
    }
    void bindNull(int index) override { check(sqlite3_bind_null(statement_, index)); }
    bool step() override {
        int rc = sqlite3_step(statement_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, "cannot execute");
    }
    void reset() override {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    std::string_view view(int column) const override {
        auto bytes = sqlite3_column_text(statement_, column);
        return bytes ? std::string_view(reinterpret_cast<const char*>(bytes),
                                        static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                     : std::string_view();
    }
    std::int64_t integer(int column) const override { return sqlite3_column_int64(statement_, column); }
    std::string blob(int column) const override {
        auto bytes = static_cast<const char*>(sqlite3_column_blob(statement_, column));
        return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : std::string();
    }
    bool isNull(int column) const override { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) fail(db_, "cannot bind");
    }
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
    bool borrowed_ = false;
};

}  // namespace

SqliteDatabase::SqliteDatabase(const std::filesystem::path& path, bool readOnly) {
    int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const std::u8string name = path.u8string();  // SQLite takes UTF-8 file names on every system
    givePageCacheBlockOnce();
    if (sqlite3_open_v2(reinterpret_cast<const char*>(name.c_str()), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr) !=
        SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StorageError("cannot open " + path.string() + ": " + message, StorageFailure::Busy);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
}

SqliteDatabase::~SqliteDatabase() {
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
    sqlite3_close(db_);
}

void SqliteDatabase::execute(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        throw StorageError(text, failureOf(sqlite3_extended_errcode(db_)));
    }
}

Statement SqliteDatabase::prepare(const std::string& sql) { return Statement(std::make_unique<SqliteStatement>(db_, sql)); }

Statement SqliteDatabase::cached(const std::string& sql) {
    auto found = cache_.find(sql);
    if (found == cache_.end()) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
            fail(db_, "cannot prepare");
        found = cache_.emplace(sql, statement).first;
    }
    return Statement(std::make_unique<SqliteStatement>(db_, found->second));
}

int SqliteDatabase::schemaVersion() {
    Statement query = prepare("PRAGMA user_version");
    query.step();
    return static_cast<int>(query.integer(0));
}

void SqliteDatabase::setSchemaVersion(int version) { execute("PRAGMA user_version = " + std::to_string(version)); }

}  // namespace madoguchi::storage
