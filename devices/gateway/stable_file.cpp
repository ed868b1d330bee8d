#include "devices/gateway/stable_file.h"

#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>

namespace madoguchi::gateway {
namespace {

std::optional<std::string> readOnce(const std::filesystem::path& path, std::size_t maxBytes, bool& tooLarge) {
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (error) return std::nullopt;
    if (size > maxBytes) {
        tooLarge = true;
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace

std::optional<Outcome<std::string>> readStableFile(const std::filesystem::path& path, const StableReadLimits& limits) {
    bool tooLarge = false;
    auto previous = readOnce(path, limits.maxBytes, tooLarge);
    for (int attempt = 0; attempt < limits.maxAttempts && (previous || tooLarge); ++attempt) {
        if (tooLarge)
            return Outcome<std::string>(Problem{"gateway.too_large", "the file " + path.filename().string() +
                                                                         " is larger than the allowed size"});
        std::this_thread::sleep_for(limits.settle);
        auto current = readOnce(path, limits.maxBytes, tooLarge);
        if (current && previous && *current == *previous && !current->empty()) return Outcome<std::string>(*current);
        previous = std::move(current);
    }
    return std::nullopt;
}

Outcome<bool> writeFileAtomically(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::path temporary = path.parent_path() / ("." + path.filename().string() + ".tmp");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return Problem{"gateway.write_failed", "cannot write " + temporary.string() + " (disk full or no permission?)"};
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) return Problem{"gateway.write_failed", "cannot rename into " + path.string() + ": " + error.message()};
    return true;
}

}  // namespace madoguchi::gateway
