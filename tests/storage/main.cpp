#define BOOST_TEST_MODULE qa_storage
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <iostream>

#include "environment.h"
#ifndef _WIN32
#include "postgres_server.h"
#endif
#include "platform/utf8_path.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

// The audit key lives beside the settings ($XDG_CONFIG_HOME/madoguchi, on Windows
// %LOCALAPPDATA%\Madoguchi): a folder private to this run, so no test reads or writes the user's
// own key, and the CLI the tests start inherits it.
struct PrivateConfigFolder {
    madoguchi::test::TempFolder folder{"madoguchi-storage-config"};
    PrivateConfigFolder() {
#ifdef _WIN32
        madoguchi::test::setEnvironment("LOCALAPPDATA", madoguchi::platform::utf8Text(folder.path()));
#else
        madoguchi::test::setEnvironment("XDG_CONFIG_HOME", folder.path().string());
#endif
    }
};
BOOST_TEST_GLOBAL_FIXTURE(PrivateConfigFolder);

#ifndef _WIN32  // no PostgreSQL in the Windows build (docs/windows.md): qa_storage runs on SQLite there

// The server runs need the PostgreSQL server programs (scripts/setup-debian.sh installs them):
// without them the run is skipped (exit 77, ctest's SKIP_RETURN_CODE), never passed.
struct ServerProgramsPresent {
    ServerProgramsPresent() {
        if (madoguchi::test::onServer() && !madoguchi::test::PostgresServer::binFolder()) {
            std::cerr << "qa_storage: the PostgreSQL server programs are not installed: skipped\n";
            std::exit(77);
        }
    }
};
BOOST_TEST_GLOBAL_FIXTURE(ServerProgramsPresent);
#endif
