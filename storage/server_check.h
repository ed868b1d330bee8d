#pragma once
// Whether this PC can use the site server's journal: the settings dialog's connection test and
// the status bar's journal light ask the same question. One short connection of its own (never
// the journal's), so it may run on a worker thread while the window works.
#include <optional>
#include <string>

namespace madoguchi::storage {

enum class ServerReach {
    Ready,           // connected, the journal's schema is this program's
    EmptyDatabase,   // connected, no journal yet (created at the first start or by `journal migrate`)
    SchemaOlder,     // connected, the journal needs `madoguchi-cli journal migrate`
    SchemaNewer,     // connected, written by a newer Madoguchi: update this PC
    PasswordNeeded,  // the server asks for a password and none is in ~/.pgpass
    WrongPassword,   // the server refused the password (or the role)
    TlsFailed,       // TLS: no CA file, a certificate that does not verify or name the host
    Unreachable,     // no answer: the host, the port, a firewall, the server stopped
    Refused,         // anything else the server said (no such database, pg_hba.conf refuses this PC)
    BadAddress,      // the URI itself is malformed or carries a password
    EngineMissing,   // this PC's Madoguchi has no site server engine (libmadoguchi-postgres.so)
};

struct ServerCheck {
    ServerReach reach = ServerReach::Unreachable;
    std::string detail;  // libpq's or the server's own words (untranslated), no password in it
    int schemaVersion = 0;
    bool usable() const { return reach == ServerReach::Ready; }
};

// uri: postgresql://… as the settings hold it (no password). The engine module is opened for
// it (storage/postgres_engine.h); reading the URI needs none. `password`, when given, is tried
// instead of ~/.pgpass (the connection test before the password is saved); it is not kept.
ServerCheck checkServer(const std::string& uri, const std::optional<std::string>& password = std::nullopt);

}  // namespace madoguchi::storage
