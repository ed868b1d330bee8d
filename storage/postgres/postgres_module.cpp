// The exported entry points of libmadoguchi-postgres.so (storage/postgres_engine.h): the
// journal's connections and the settings' connection test, on libpq.
#include <libpq-fe.h>

#include <cstdlib>
#include <memory>

#include "storage/postgres/postgres_database.h"
#include "storage/postgres_engine.h"

namespace madoguchi::storage {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

bool mentions(const std::string& text, std::initializer_list<const char*> words) {
    for (const char* word : words)
        if (text.find(word) != std::string::npos) return true;
    return false;
}

// libpq gives no code for a failed connection: the password questions come from its own API,
// TLS from its messages (English, or its Japanese catalog, which keeps "SSL" and says 証明書).
ServerCheck failedConnection(PGconn* connection) {
    std::string message = trimmed(PQerrorMessage(connection));
    if (PQconnectionNeedsPassword(connection)) return {ServerReach::PasswordNeeded, message, 0};
    if (PQconnectionUsedPassword(connection)) return {ServerReach::WrongPassword, message, 0};
    if (mentions(message, {"SSL", "certificate", "証明書"})) return {ServerReach::TlsFailed, message, 0};
    if (mentions(message, {"could not connect", "could not translate", "timeout expired", "Connection refused",
                           "No such file or directory", "接続できませんでした", "変換できませんでした", "タイムアウト"}))
        return {ServerReach::Unreachable, message, 0};
    return {ServerReach::Refused, message, 0};
}

// The schema_version row; 0 without the table; -1 when the server refuses the question.
int readSchemaVersion(PGconn* connection) {
    auto ask = [connection](const char* sql) {
        std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection, sql), PQclear);
        if (PQresultStatus(result.get()) != PGRES_TUPLES_OK || PQntuples(result.get()) != 1) return -1;
        return std::atoi(PQgetvalue(result.get(), 0, 0));
    };
    const int exists = ask("SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE 1 END");
    if (exists <= 0) return exists;
    return ask("SELECT COALESCE(MAX(version), 0) FROM schema_version");
}

class LibpqEngine : public PostgresEngine {
public:
    std::unique_ptr<Database> connect(const ConnectionOptions& options) override {
        return std::make_unique<PostgresDatabase>(options);
    }

    ServerCheck probe(const ConnectionOptions& options) override {
        Connection connection(connectWith(options), PQfinish);
        if (!connection) return {ServerReach::Unreachable, "out of memory", 0};
        if (PQstatus(connection.get()) != CONNECTION_OK) return failedConnection(connection.get());
        const int version = readSchemaVersion(connection.get());
        if (version < 0) return {ServerReach::Refused, trimmed(PQerrorMessage(connection.get())), 0};
        return {ServerReach::Ready, "", version};
    }
};

}  // namespace
}  // namespace madoguchi::storage

extern "C" __attribute__((visibility("default"))) int madoguchi_postgres_module_version() {
    return madoguchi::storage::kPostgresModuleVersion;
}

extern "C" __attribute__((visibility("default"))) madoguchi::storage::PostgresEngine& madoguchi_postgres_engine() {
    static madoguchi::storage::LibpqEngine engine;
    return engine;
}
