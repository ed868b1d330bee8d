#pragma once
// The project's code tables (resources/codes), loaded once per test program; a test that cannot
// load them stops with the reason. Link madoguchi_app_support.
#include <stdexcept>

#include "app/resources.h"

namespace madoguchi::test {

inline const CodeTables& codeTables() {
    static const CodeTables tables = [] {
        auto loaded = app::loadCodeTables();
        if (!loaded) throw std::runtime_error("the code tables could not be loaded: " + loaded.problem().message);
        return loaded.value();
    }();
    return tables;
}

}  // namespace madoguchi::test
