#define BOOST_TEST_MODULE qa_storage
#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "temp_folder.h"

// The audit key lives beside the settings ($XDG_CONFIG_HOME/madoguchi): a folder private to this
// run, so no test reads or writes the user's own key, and the CLI the tests start inherits it.
struct PrivateConfigFolder {
    madoguchi::test::TempFolder folder{"madoguchi-storage-config"};
    PrivateConfigFolder() { setenv("XDG_CONFIG_HOME", folder.path().c_str(), 1); }
};
BOOST_TEST_GLOBAL_FIXTURE(PrivateConfigFolder);
