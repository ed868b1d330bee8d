#pragma once
// The site server's engine lives in its own shared module, libmadoguchi-postgres.so: libpq and
// what it pulls in (Kerberos, LDAP, GnuTLS, SASL: ~18 libraries) are mapped only by a process
// whose journal is a postgresql:// URI, never by one that reads a journal file or opens none.
// The module is built with this very program (same compiler and headers: its entry point hands
// over C++ objects); a version number guards against a stray older module. Once opened it stays
// for the rest of the process. Reading the URI (storage/server_address.h), the settings and the
// anchors need no module.
#include <filesystem>
#include <memory>

#include "storage/database.h"
#include "storage/server_address.h"
#include "storage/server_check.h"

namespace madoguchi::storage {

#ifdef _WIN32
inline constexpr const char* kPostgresModuleFileName = "madoguchi-postgres.dll";  // not built for Windows yet
#else
inline constexpr const char* kPostgresModuleFileName = "libmadoguchi-postgres.so";
#endif
inline constexpr int kPostgresModuleVersion = 1;
// Developer builds: the module to open instead of the build tree's or the installed one.
inline constexpr const char* kPostgresModuleOverride = "MADOGUCHI_POSTGRES_MODULE";

class PostgresEngine {
public:
    virtual ~PostgresEngine() = default;
    // One connection with these options (connectionOptions()); throws StorageError
    // (Unreachable when the server does not answer).
    virtual std::unique_ptr<Database> connect(const ConnectionOptions& options) = 0;
    // A short connection of its own (never the journal's): why it failed, or Ready with the
    // schema_version found (0 without the table). checkServer() names what that version means.
    virtual ServerCheck probe(const ConnectionOptions& options) = 0;
};

// The engine of the module at `modulePath`; throws StorageError(EngineMissing) naming the file
// when it is missing, is no module, or is of another version.
PostgresEngine& loadPostgresEngine(const std::filesystem::path& modulePath);
// The installed engine: <prefix>/<libdir>/madoguchi/libmadoguchi-postgres.so beside the program
// (developer builds: $MADOGUCHI_POSTGRES_MODULE, then the build tree).
PostgresEngine& postgresEngine();

// The entry points the module exports (extern "C", looked up by these names).
extern "C" {
using PostgresEngineFunction = PostgresEngine&();
}
inline constexpr const char* kPostgresModuleVersionSymbol = "madoguchi_postgres_module_version";
inline constexpr const char* kPostgresEngineSymbol = "madoguchi_postgres_engine";

}  // namespace madoguchi::storage
