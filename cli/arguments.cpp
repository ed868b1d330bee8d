#include "arguments.h"

#include <stdexcept>

#include "platform/utf8_path.h"

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

std::filesystem::path Options::requiredPath(const std::string& name) const {
    return platform::utf8Path(required(name));
}

int numberOption(const Options& options, const std::string& name, int fallback, int low, int high) {
    auto text = options.value(name);
    if (!text) return fallback;
    std::size_t used = 0;
    int number = low - 1;
    try {
        number = std::stoi(*text, &used);
    } catch (const std::exception&) {
    }
    if (used != text->size() || number < low || number > high)
        throw std::invalid_argument(name + " must be a number from " + std::to_string(low) + " to " + std::to_string(high));
    return number;
}

}  // namespace madoguchi::cli
