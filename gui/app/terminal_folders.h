#pragma once
// The 資格確認端末's folders as the settings name them: the root and how they are watched
// (folder_watch: events where the folder is local, or polling forced for a share that sends none).
#include "app/app_settings.h"
#include "devices/gateway/folder_layout.h"

namespace madoguchi::gui {

inline gateway::FolderWatchMode folderWatchMode(const AppSettings& settings) {
    return gateway::folderWatchModeFromName(settings.folderWatch).value_or(gateway::FolderWatchMode::Automatic);
}

inline gateway::FolderLayout terminalFolders(const AppSettings& settings) {
    return gateway::FolderLayout{settings.gatewayRoot, folderWatchMode(settings)};
}

}  // namespace madoguchi::gui
