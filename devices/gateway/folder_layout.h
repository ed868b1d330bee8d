#pragma once
// The 資格確認端末's shared folders under one root (DOMAIN.md §9), and Madoguchi's own state
// folder beside them (request counter, its lock, temporary files, the refused-answers log): on
// the same volume as req/, so a temporary file is renamed into req/ atomically.
#include <filesystem>
#include <optional>
#include <string>

namespace madoguchi::gateway {

// How the folders are watched (folder_events.h).
enum class FolderWatchMode {
    Automatic,  // inotify where the folder is on a local file system, polling elsewhere
    Polling,    // never rely on events (a share whose type is not recognised but sends none)
};
// "auto" or "polling" (the folder_watch setting); nullopt for anything else.
inline std::optional<FolderWatchMode> folderWatchModeFromName(const std::string& name) {
    if (name == "auto") return FolderWatchMode::Automatic;
    if (name == "polling") return FolderWatchMode::Polling;
    return std::nullopt;
}

struct FolderLayout {
    std::filesystem::path root;
    FolderWatchMode watch = FolderWatchMode::Automatic;  // res/ during a query or a bulk job
    std::filesystem::path req() const { return root / "req"; }
    std::filesystem::path res() const { return root / "res"; }
    std::filesystem::path face() const { return root / "face"; }
    std::filesystem::path state() const { return root / ".madoguchi"; }
};

}  // namespace madoguchi::gateway
