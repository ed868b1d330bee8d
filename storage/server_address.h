#pragma once
// The site server's address: the postgresql:// URI the settings keep (never a password: that is
// in ~/.pgpass, storage/pgpass.h), read by the rules of PostgreSQL's own client (libpq) but
// without it, so that the settings, the anchors and the command line can use an address on a PC
// whose site server engine (storage/postgres_engine.h) is not even loaded; and the same address
// field by field, as the settings dialog edits it.
#include <string>
#include <utility>
#include <vector>

namespace madoguchi::storage {

// keyword → value, as libpq's connection functions take them, in libpq's order of keywords.
using ConnectionOptions = std::vector<std::pair<std::string, std::string>>;

// The options a postgresql:// (or postgres://) URI names: user, password, host and port (a list
// separated by commas, IPv6 addresses without their brackets), dbname and the ?keyword=value
// options, percent-decoded. Throws StorageError for a malformed URI or an unknown option.
ConnectionOptions uriOptions(const std::string& uri);

// The connection options for the journal's server, with Madoguchi's defaults: for a host that
// is not this machine sslmode verify-full; connect_timeout 5 seconds, UTF8, application_name.
// Throws StorageError for a malformed URI or one with a password (it belongs in ~/.pgpass).
ConnectionOptions connectionOptions(const std::string& uri);

struct ServerAddress {
    std::string host;      // a name, an address, or a Unix socket's folder (starts with /)
    std::string port;      // empty: 5432
    std::string database;
    std::string user;
    std::string sslmode;   // empty: verify-full for a host that is not this PC (see connectionOptions)
    std::string caFile;    // sslrootcert; empty: ~/.postgresql/root.crt
};

// The fields of a postgresql:// URI (empty fields for a malformed one; a password is ignored:
// the settings refuse such a URI).
ServerAddress serverAddress(const std::string& uri);
// The URI for the fields, each part percent-encoded; a socket folder goes into ?host=.
std::string serverUri(const ServerAddress& address);
// This PC itself: empty, a socket folder, localhost, 127.0.0.1 or ::1 (no TLS by default).
bool isLocalServerHost(const std::string& host);

}  // namespace madoguchi::storage
