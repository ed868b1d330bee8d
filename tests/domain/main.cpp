#define BOOST_TEST_MODULE madoguchi_domain
#include <boost/test/unit_test.hpp>
