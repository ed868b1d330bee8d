#include "devices/gateway/folder_safety.h"

#include "platform/posix_files.h"

namespace madoguchi::gateway {
namespace {

std::string octal(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%03o", static_cast<unsigned>(mode & 0777));
    return text;
}

void check(const std::filesystem::path& folder, std::vector<std::string>& warnings) {
    struct stat status {};
    if (::lstat(folder.c_str(), &status) != 0) {
        warnings.push_back("the folder " + folder.string() + " is missing");
        return;
    }
    if (S_ISLNK(status.st_mode)) {
        if (::stat(folder.c_str(), &status) != 0) {
            warnings.push_back("the folder " + folder.string() + " is a broken link");
            return;
        }
    }
    if (!S_ISDIR(status.st_mode)) {
        warnings.push_back(folder.string() + " is not a folder");
        return;
    }
    if (status.st_mode & S_IWOTH)
        warnings.push_back("anyone can write into " + folder.string() + " (permissions " + octal(status.st_mode) +
                           "): files dropped there are read by this PC; allow only the terminal's account");
    if (status.st_uid != ::getuid() && status.st_uid != 0)
        warnings.push_back("the folder " + folder.string() + " belongs to another user (uid " +
                           std::to_string(status.st_uid) + ")");
}

}  // namespace

std::vector<std::string> folderSafetyWarnings(const FolderLayout& layout,
                                              const std::vector<std::filesystem::path>& otherFolders) {
    std::vector<std::string> warnings;
    for (const auto& folder : {layout.req(), layout.res(), layout.face()}) check(folder, warnings);
    for (const auto& folder : otherFolders) check(folder, warnings);
    return warnings;
}

}  // namespace madoguchi::gateway
