#pragma once
// JSON on stdout for every madoguchi-cli command.
#include <Poco/JSON/Object.h>

namespace madoguchi::cli {

// Indented, newline-terminated, UTF-8 as is. When stdout takes it not all, std::cout fails.
void printJson(const Poco::JSON::Object& json);

}  // namespace madoguchi::cli
