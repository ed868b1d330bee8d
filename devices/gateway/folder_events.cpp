#include "devices/gateway/folder_events.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace madoguchi::gateway {

namespace {

// statfs(2) f_type of the file systems whose inotify misses other machines' writes.
constexpr long kNetworkFileSystems[] = {
    0x6969,      // NFS
    0xFF534D42,  // CIFS
    0xFE534D42,  // SMB2
    0x517B,      // SMB
    0x65735546,  // FUSE (sshfs and the like)
    0x01021997,  // 9P (v9fs)
    0x564C,      // NCP
    0x0BD00BD0,  // Lustre
    0x5346414F,  // AFS
};

}  // namespace

bool sendsLocalEvents(const std::filesystem::path& folder) {
    struct statfs info {};
    if (::statfs(folder.c_str(), &info) != 0) return false;
    const long type = static_cast<long>(info.f_type);
    return std::find(std::begin(kNetworkFileSystems), std::end(kNetworkFileSystems), type) ==
           std::end(kNetworkFileSystems);
}

FolderEvents::FolderEvents(const std::vector<std::filesystem::path>& folders, FolderWatchMode mode) {
    if (mode == FolderWatchMode::Polling || folders.empty()) return;
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) return;
    allWatched_ = true;
    for (const auto& folder : folders) {
        const int watch = sendsLocalEvents(folder)
                              ? ::inotify_add_watch(fd_, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR)
                              : -1;
        if (watch < 0) {
            allWatched_ = false;
            continue;
        }
        watches_.emplace_back(watch, folder);
    }
}

FolderEvents::~FolderEvents() {
    if (fd_ >= 0) ::close(fd_);
}

std::vector<std::filesystem::path> FolderEvents::completedFiles(std::chrono::milliseconds timeout) {
    std::vector<std::filesystem::path> files;
    if (fd_ < 0 || watches_.empty()) return files;
    pollfd waiting{fd_, POLLIN, 0};
    if (::poll(&waiting, 1, static_cast<int>(timeout.count())) <= 0) return files;
    alignas(inotify_event) char buffer[16 * 1024];
    for (;;) {
        const ssize_t got = ::read(fd_, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;  // EAGAIN: all read
        for (ssize_t offset = 0; offset < got;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            if (event->len == 0 || (event->mask & IN_ISDIR)) continue;
            const auto folder = std::find_if(watches_.begin(), watches_.end(),
                                             [&](const auto& watch) { return watch.first == event->wd; });
            if (folder == watches_.end()) continue;
            auto file = folder->second / event->name;
            if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(std::move(file));
        }
    }
    return files;
}

}  // namespace madoguchi::gateway
