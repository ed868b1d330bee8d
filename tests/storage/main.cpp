#define BOOST_TEST_MODULE qa_storage
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <iostream>

#include "postgres_server.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

// The audit key lives beside the settings ($XDG_CONFIG_HOME/madoguchi): a folder private to this
// run, so no test reads or writes the user's own key, and the CLI the tests start inherits it.
struct PrivateConfigFolder {
    madoguchi::test::TempFolder folder{"madoguchi-storage-config"};
    PrivateConfigFolder() { setenv("XDG_CONFIG_HOME", folder.path().c_str(), 1); }
};
BOOST_TEST_GLOBAL_FIXTURE(PrivateConfigFolder);

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
