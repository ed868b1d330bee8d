#define BOOST_TEST_MODULE madoguchi_gateway
#include <boost/test/unit_test.hpp>
