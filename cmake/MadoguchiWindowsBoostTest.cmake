# Windows cross-build (cmake/mingw-w64.cmake): Boost.Test compiled once from its headers (the
# "included" variant) into a static library, in place of Debian's libboost_unit_test_framework.
# The headers come from the build machine's libboost1.74-dev (scripts/windows/build-deps.sh
# links them into the dependency prefix); they are the same on every platform.
find_path(MADOGUCHI_BOOST_INCLUDE boost/test/included/unit_test.hpp
          PATHS "${MADOGUCHI_WINDOWS_PREFIX}/boost-include" NO_DEFAULT_PATH REQUIRED)
add_library(madoguchi_boost_test STATIC "${PROJECT_SOURCE_DIR}/tests/support/boost_test_included.cpp")
target_include_directories(madoguchi_boost_test SYSTEM PUBLIC "${MADOGUCHI_BOOST_INCLUDE}")
add_library(Boost::unit_test_framework ALIAS madoguchi_boost_test)
