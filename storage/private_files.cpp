#include "storage/private_files.h"

#include <cstdlib>

#include "platform/posix_files.h"

#include <system_error>

namespace madoguchi::storage {

void usePrivateUmask() { ::umask(077); }

// chmod: on Windows (platform/posix_files.h) these modes give the private DACL.
void makePrivateFolder(const std::filesystem::path& folder) {
    if (folder.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    ::chmod(folder.c_str(), 0700);
}

void makePrivateFile(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return;
    ::chmod(file.c_str(), 0600);
}

std::string notPrivateReason(const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return file.string() + " cannot be read";
    if (!S_ISREG(info.st_mode)) return file.string() + " is not a regular file";
    if (info.st_uid != ::geteuid()) return file.string() + " belongs to another user";
    if ((info.st_mode & 077) != 0)
        return file.string() + " may be read by others (make it private: chmod 600 " + file.string() + ")";
    return {};
}

std::filesystem::path configFolder() {
#ifdef _WIN32
    // Windows: %LOCALAPPDATA%\Madoguchi (the user's own, not roaming: the audit key stays on this PC).
    const wchar_t* local = ::_wgetenv(L"LOCALAPPDATA");
    if (local && *local) return std::filesystem::path(local) / "Madoguchi";
#endif
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    const std::filesystem::path base = xdg && *xdg ? std::filesystem::path(xdg)
                                                   : std::filesystem::path(home ? home : ".") / ".config";
    return base / "madoguchi";
}

}  // namespace madoguchi::storage
