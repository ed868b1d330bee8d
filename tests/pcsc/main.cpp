#define BOOST_TEST_MODULE madoguchi_pcsc
#include <boost/test/unit_test.hpp>
