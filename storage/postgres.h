#pragma once
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

struct pg_conn;
struct pg_result;

namespace madoguchi::storage {

class PostgresDatabase : public Database {
public:
    // uri: postgresql://[user@]host[:port]/dbname[?options]. A password in it is refused (it
    // belongs in ~/.pgpass or PGPASSFILE, 0600); for a host that is not this machine sslmode
    // defaults to verify-full; connect_timeout defaults to 5 seconds.
    explicit PostgresDatabase(const std::string& uri);
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
// The connection options for libpq (keyword → value) from a URI, with the defaults above; throws
// StorageError for a malformed URI or one with a password.
std::vector<std::pair<std::string, std::string>> connectionOptions(const std::string& uri);

}  // namespace madoguchi::storage
