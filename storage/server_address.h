#pragma once
// The site server's address as the settings dialog edits it, field by field, and the
// postgresql:// URI the settings keep (never a password: that is in ~/.pgpass, storage/pgpass.h).
#include <string>

namespace madoguchi::storage {

struct ServerAddress {
    std::string host;      // a name, an address, or a Unix socket's folder (starts with /)
    std::string port;      // empty: 5432
    std::string database;
    std::string user;
    std::string sslmode;   // empty: verify-full for a host that is not this PC (postgres.h)
    std::string caFile;    // sslrootcert; empty: ~/.postgresql/root.crt
};

// The fields of a postgresql:// URI (a password in it is ignored: the settings refuse such a URI).
ServerAddress serverAddress(const std::string& uri);
// The URI for the fields, each part percent-encoded; a socket folder goes into ?host=.
std::string serverUri(const ServerAddress& address);
// This PC itself: empty, a socket folder, localhost, 127.0.0.1 or ::1 (no TLS by default).
bool isLocalServerHost(const std::string& host);

}  // namespace madoguchi::storage
