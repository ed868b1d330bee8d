#pragma once
// The gateway suites' golden files (tests/gateway/data) and a way to require an Outcome's value.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "domain/outcome.h"

namespace madoguchi::test {

inline std::string goldenFile(const std::string& name) {
    std::ifstream in(std::string(GATEWAY_TEST_DATA) + "/" + name, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "no golden file " << name);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

template <class T>
T required(Outcome<T> outcome) {
    BOOST_REQUIRE_MESSAGE(outcome, (outcome ? "" : outcome.problem().message));
    return std::move(outcome).value();
}

}  // namespace madoguchi::test
