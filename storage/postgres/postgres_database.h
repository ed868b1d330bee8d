#pragma once
// Inside the module libmadoguchi-postgres.so only (storage/postgres_engine.h).
// The PostgreSQL engine of the storage port, on libpq (the server's own C client): one
// connection, statements sent with their parameters (PQexecParams, `?` turned into `$n`), text
// results. Every write transaction takes the site's advisory lock first, so the windows' writes
// (and the audit chain's head) are serialized like SQLite's BEGIN IMMEDIATE. A connection the
// server dropped is re-opened at the next statement outside a transaction; while the server is
// unreachable every call throws StorageError(Unreachable), which the journal's retry queue keeps.
#include <string>
#include <utility>
#include <vector>

#include "storage/database.h"
#include "storage/server_address.h"

struct pg_conn;
struct pg_result;

namespace madoguchi::storage {

class PostgresDatabase : public Database {
public:
    // options: connectionOptions() of the journal's URI. Throws StorageError(Unreachable).
    explicit PostgresDatabase(const ConnectionOptions& options);
    ~PostgresDatabase() override;

    Engine engine() const override { return Engine::Postgres; }
    void execute(const std::string& sql) override;
    Statement prepare(const std::string& sql) override;
    Statement cached(const std::string& sql) override { return prepare(sql); }
    int schemaVersion() override;  // the row of schema_version, 0 when the table is missing
    void setSchemaVersion(int version) override;
    void beginWrite() override;
    void beginSnapshot() override;
    void commit() override;
    void rollback() override;
    bool listen(const std::string& channel) override;
    std::vector<std::string> waitForNotices(std::chrono::milliseconds wait) override;

    pg_conn* connection();  // re-connected first when the server dropped it (outside a transaction)
    bool inTransaction() const { return inTransaction_; }
    // Throws StorageError classified by the SQLSTATE (or the lost connection); clears `result`.
    [[noreturn]] void fail(const std::string& what, pg_result* result);

private:
    void begin(const std::string& sql);
    pg_conn* connection_ = nullptr;
    bool inTransaction_ = false;
};

// `?` placeholders as `$1`, `$2`, … (outside quoted strings and identifiers).
std::string numberedPlaceholders(const std::string& sql);
// libpq's connection with these options (keyword → value); never null (out of memory aside):
// PQstatus() tells whether it is connected.
pg_conn* connectWith(const ConnectionOptions& options);

}  // namespace madoguchi::storage
