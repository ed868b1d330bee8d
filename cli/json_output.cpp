#include "json_output.h"

#include <iostream>

namespace madoguchi::cli {

void printJson(const Poco::JSON::Object& json) {
    // Keep non-ASCII (names, labels) as UTF-8 rather than \u escapes.
    json.stringify(std::cout, 2, -1);
    std::cout << "\n";
}

}  // namespace madoguchi::cli
