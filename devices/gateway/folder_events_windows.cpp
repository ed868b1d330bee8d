// Windows (devices/gateway/CMakeLists.txt): no inotify. The 資格確認端末's folders reach a
// reception PC as SMB shares, whose change notifications miss what the terminal writes as often
// as Linux's CIFS mounts do, so every folder is polled, as FolderWatchMode::Polling does on Linux
// (the callers look again every 50 ms). ReadDirectoryChangesW for local folders: docs/windows.md.
#include "devices/gateway/folder_events.h"

namespace madoguchi::gateway {

bool sendsLocalEvents(const std::filesystem::path&) { return false; }

FolderEvents::FolderEvents(const std::vector<std::filesystem::path>&, FolderWatchMode) {}

FolderEvents::~FolderEvents() = default;

std::vector<std::filesystem::path> FolderEvents::completedFiles(std::chrono::milliseconds) { return {}; }

}  // namespace madoguchi::gateway
