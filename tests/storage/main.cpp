#define BOOST_TEST_MODULE qa_storage
#include <boost/test/unit_test.hpp>
