#pragma once
// A fresh folder under the system's temporary directory, removed with everything in it at the end
// of the test. Standard library only (the domain suite runs under ASan without other libraries).
#include <cstdlib>
#include <filesystem>
#ifdef _WIN32
#include <random>
#endif
#include <stdexcept>
#include <string>
#include <system_error>

namespace madoguchi::test {

class TempFolder {
public:
    explicit TempFolder(const std::string& prefix = "madoguchi-test") {
#ifdef _WIN32
        // No mkdtemp on Windows: a random name, created only if it did not exist.
        std::random_device random;
        for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
            auto candidate = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(random()));
            if (std::filesystem::create_directory(candidate)) path_ = candidate;
        }
        if (path_.empty()) throw std::runtime_error("cannot create a temporary folder for " + prefix);
#else
        std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder under " + pattern);
        path_ = pattern;
#endif
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace madoguchi::test
