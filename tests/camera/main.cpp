#define BOOST_TEST_MODULE madoguchi_camera
#include <boost/test/unit_test.hpp>
