#pragma once
// Parsing `--name value` and `--flag` options for madoguchi-cli commands.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "commands.h"

namespace madoguchi::cli {

class Options {
public:
    // Splits args into options and positional words. valueOptions take a value, flagOptions none;
    // anything else starting with "--" is an error, thrown as std::invalid_argument with a clear message.
    Options(const Arguments& args, const std::set<std::string>& valueOptions, const std::set<std::string>& flagOptions);

    std::optional<std::string> value(const std::string& name) const;
    std::string required(const std::string& name) const;  // throws std::invalid_argument when missing
    // A required option naming a file or folder: UTF-8 text to a path on every system
    // (platform/utf8_path.h).
    std::filesystem::path requiredPath(const std::string& name) const;
    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
};

// The integer value of option `name` (fallback when absent); throws std::invalid_argument
// naming the option when it is not a whole number from low to high.
int numberOption(const Options& options, const std::string& name, int fallback, int low, int high);

}  // namespace madoguchi::cli
