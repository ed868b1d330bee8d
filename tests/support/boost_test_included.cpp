// Windows cross-build only (cmake/MadoguchiWindowsBoostTest.cmake): the whole Boost.Test framework
// and its main(), compiled from the headers. Each test program's main.cpp defines
// BOOST_TEST_MODULE, and with it the init function this main() calls, as with the static library.
#include <boost/test/included/unit_test.hpp>
