#pragma once
// Helpers for tests that start the real `madoguchi` program under the harness's X server: the
// windows it opened (by title, through xdotool), its output file, and the environment it starts
// with.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace madoguchi::test {

// The window ids (xdotool) whose title contains `name`, one per line; empty when none.
inline std::string windowsNamed(const std::string& name) {
    std::string ids;
    FILE* pipe = popen(("xdotool search --name '" + name + "' 2>/dev/null").c_str(), "r");
    if (!pipe) return ids;
    char buffer[256];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) ids.append(buffer, n);
    pclose(pipe);
    return ids;
}

inline std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Sets environment variables for the child about to be started, and puts them back afterwards.
class ChildEnvironment {
public:
    void set(const char* name, const char* value) {
        const char* before = std::getenv(name);
        saved_.push_back({name, before ? std::optional<std::string>(before) : std::nullopt});
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~ChildEnvironment() {
        for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
            if (it->second) setenv(it->first.c_str(), it->second->c_str(), 1);
            else unsetenv(it->first.c_str());
        }
    }

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

}  // namespace madoguchi::test
