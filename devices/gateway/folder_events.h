#pragma once
// Which files in a few folders were just completed: closed after writing (IN_CLOSE_WRITE) or
// moved in (IN_MOVED_TO), from the kernel's inotify, so a watcher takes a file the moment it is
// whole instead of polling and reading it twice.
//
// A network share (NFS, SMB/CIFS, FUSE mounts such as sshfs) may send no events at all for
// files written by another machine: such a folder reports eventsArrive() false and the caller
// keeps polling it (FolderWatchMode::Automatic). Polling can also be forced for every folder.
#include <chrono>
#include <filesystem>
#include <vector>

#include "devices/gateway/folder_layout.h"

namespace madoguchi::gateway {

// True when inotify events can be trusted for this folder: a local file system.
bool sendsLocalEvents(const std::filesystem::path& folder);

class FolderEvents {
public:
    FolderEvents(const std::vector<std::filesystem::path>& folders, FolderWatchMode mode = FolderWatchMode::Automatic);
    ~FolderEvents();
    FolderEvents(const FolderEvents&) = delete;
    FolderEvents& operator=(const FolderEvents&) = delete;

    // True when every folder is watched through events (none needs polling).
    bool eventsArrive() const { return allWatched_; }

    // Waits at most `timeout` for events; returns the files completed since the last call
    // (in event order, a file once per call), empty on timeout or without events.
    std::vector<std::filesystem::path> completedFiles(std::chrono::milliseconds timeout);

private:
    int fd_ = -1;
    bool allWatched_ = false;
    std::vector<std::pair<int, std::filesystem::path>> watches_;  // inotify watch descriptor → folder
};

}  // namespace madoguchi::gateway
