#include "storage/server_check.h"

#include "storage/crypto_primitives.h"
#include "storage/postgres_engine.h"
#include "storage/schema.h"
#include "storage/server_address.h"

namespace madoguchi::storage {

ServerCheck checkServer(const std::string& uri, const std::optional<std::string>& password) {
    ConnectionOptions options;
    try {
        options = connectionOptions(uri);
    } catch (const StorageError& error) {
        return {ServerReach::BadAddress, error.what(), 0};
    }
    if (password) options.emplace_back("password", *password);
    ServerCheck found;
    try {
        found = postgresEngine().probe(options);
    } catch (const StorageError& error) {
        found = {ServerReach::EngineMissing, error.what(), 0};
    }
    if (password) wipe(options.back().second.data(), options.back().second.size());
    if (found.reach != ServerReach::Ready) return found;
    const int current = currentSchemaVersion();
    found.reach = found.schemaVersion == 0       ? ServerReach::EmptyDatabase
                  : found.schemaVersion < current ? ServerReach::SchemaOlder
                  : found.schemaVersion > current ? ServerReach::SchemaNewer
                                                  : ServerReach::Ready;
    return found;
}

}  // namespace madoguchi::storage
