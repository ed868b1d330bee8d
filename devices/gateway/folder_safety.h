#pragma once
// The watched folders are an attack surface: anyone who can write into them can drop files the
// reception PC reads. At start the owner and permissions of req/, res/ and face/ (and any extra
// folder watched) are checked.
#include <filesystem>
#include <string>
#include <vector>

#include "devices/gateway/folder_layout.h"

namespace madoguchi::gateway {

// One English sentence per folder that anyone may write (world-writable without the sticky bit's
// protection of other users' files is still refused), or that belongs to another user than us and
// root; a missing folder is reported too. Empty when all is well.
std::vector<std::string> folderSafetyWarnings(const FolderLayout& layout,
                                              const std::vector<std::filesystem::path>& otherFolders = {});

}  // namespace madoguchi::gateway
