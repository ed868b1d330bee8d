#pragma once
// Paths from and to UTF-8 text (command-line arguments, JSON, messages). On Windows
// std::filesystem::path(std::string) and path::string() use the C runtime's narrow code page, not
// UTF-8: a Japanese folder name given as text would arrive garbled (docs/windows.md). These go
// through char8_t, UTF-8 on both systems; on Linux they are the plain conversions.
#include <filesystem>
#include <string>
#include <string_view>

namespace madoguchi::platform {

inline std::filesystem::path utf8Path(std::string_view text) {
    return std::filesystem::path(std::u8string(text.begin(), text.end()));
}

inline std::string utf8Text(const std::filesystem::path& path) {
    const std::u8string text = path.u8string();
    return std::string(text.begin(), text.end());
}

}  // namespace madoguchi::platform
