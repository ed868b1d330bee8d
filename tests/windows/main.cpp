#define BOOST_TEST_MODULE qa_windows_files
#include <boost/test/unit_test.hpp>
