#pragma once
// The 資格確認端末's shared folders under one root (DOMAIN.md §9), and Madoguchi's own state
// folder beside them (request counter, its lock, temporary files, the refused-answers log): on
// the same volume as req/, so a temporary file is renamed into req/ atomically.
#include <filesystem>

namespace madoguchi::gateway {

struct FolderLayout {
    std::filesystem::path root;
    std::filesystem::path req() const { return root / "req"; }
    std::filesystem::path res() const { return root / "res"; }
    std::filesystem::path face() const { return root / "face"; }
    std::filesystem::path state() const { return root / ".madoguchi"; }
};

}  // namespace madoguchi::gateway
