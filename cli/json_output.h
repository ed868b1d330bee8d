#pragma once
// JSON on stdout for every madoguchi-cli command.
#include <Poco/JSON/Object.h>

namespace madoguchi::cli {

void printJson(const Poco::JSON::Object& json);  // indented, newline-terminated, UTF-8 as is

}  // namespace madoguchi::cli
