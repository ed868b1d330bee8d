#include "arguments.h"

#include <stdexcept>

namespace madoguchi::cli {

Options::Options(const Arguments& args, const std::set<std::string>& valueOptions,
                 const std::set<std::string>& flagOptions) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        if (!word.starts_with("--")) {
            positional_.push_back(word);
        } else if (flagOptions.count(word)) {
            flags_.insert(word);
        } else if (valueOptions.count(word)) {
            if (i + 1 >= args.size()) throw std::invalid_argument(word + " needs a value");
            values_[word] = args[++i];
        } else {
            throw std::invalid_argument("unknown option " + word);
        }
    }
}

std::optional<std::string> Options::value(const std::string& name) const {
    auto found = values_.find(name);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

std::string Options::required(const std::string& name) const {
    auto found = value(name);
    if (!found) throw std::invalid_argument(name + " is required");
    return *found;
}

}  // namespace madoguchi::cli
