#include "devices/gateway/request_counter.h"

#include <cerrno>
#include <cstring>
#include <sstream>
#include <thread>

#include "platform/posix_files.h"

#include "devices/gateway/stable_file.h"

namespace madoguchi::gateway {
namespace {

bool isStale(const std::filesystem::path& path) {
    std::error_code error;
    auto modified = std::filesystem::last_write_time(path, error);
    return !error && std::filesystem::file_time_type::clock::now() - modified > kStaleLockAge;
}

// Moves a stale lock aside under a unique name (only one PC can win the rename), then checks
// that what was moved really was stale: a fresh lock taken meanwhile is put back.
void takeOverStaleLock(const std::filesystem::path& lockFile) {
    std::filesystem::path aside = lockFile.parent_path() / (lockFile.filename().string() + ".stale-" + randomHex(12));
    std::error_code error;
    std::filesystem::rename(lockFile, aside, error);
    if (error) return;
    if (isStale(aside)) {
        std::filesystem::remove(aside, error);
        return;
    }
    // A live lock was moved: put it back (if yet another program locked since, that lock stays).
    [[maybe_unused]] int restored = ::link(aside.c_str(), lockFile.c_str());
    std::filesystem::remove(aside, error);
}

std::string readCounterLine(const std::filesystem::path& path) {
    auto content = readRegularFile(path, 256);
    return content && *content ? content->value() : std::string();
}

}  // namespace

Outcome<std::shared_ptr<FolderLock>> FolderLock::acquire(const std::filesystem::path& lockFile) {
    const auto deadline = std::chrono::steady_clock::now() + kLockWait;
    while (true) {
        int fd = ::open(lockFile.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) {
            std::string owner = "pid " + std::to_string(::getpid()) + "\n";
            [[maybe_unused]] auto ignored = ::write(fd, owner.data(), owner.size());
            ::close(fd);
            return std::shared_ptr<FolderLock>(new FolderLock(lockFile));
        }
        if (errno != EEXIST)
            return Problem{"gateway.locked", "cannot create the lock " + lockFile.string() + ": " + std::strerror(errno)};
        if (isStale(lockFile)) {
            takeOverStaleLock(lockFile);
            continue;
        }
        if (std::chrono::steady_clock::now() > deadline)
            return Problem{"gateway.locked", "the request counter stays locked by another program (" + lockFile.string() +
                                                 "); remove the file if no other reception PC is running"};
        std::this_thread::sleep_for(std::chrono::milliseconds(15));
    }
}

FolderLock::~FolderLock() { ::unlink(path_.c_str()); }

RequestCounter::RequestCounter(std::filesystem::path stateFolder) : folder_(std::move(stateFolder)) {}

Outcome<std::string> RequestCounter::next(const std::string& day,
                                          const std::function<std::string(const std::string&)>& nameFor,
                                          const std::function<bool(const std::string&)>& isFree) {
    std::error_code error;
    if (std::filesystem::create_directories(folder_, error))
        std::filesystem::permissions(folder_, std::filesystem::perms::owner_all, error);
    auto lock = FolderLock::acquire(folder_ / "request-counter.lock");
    if (!lock) return lock.problem();
    std::istringstream line(readCounterLine(folder_ / "request-counter"));
    std::string storedDay;
    int counter = 0;
    line >> storedDay >> counter;
    if (storedDay != day || counter < 0) counter = 0;
    for (++counter; counter <= 9999; ++counter) {
        char digits[16];
        std::snprintf(digits, sizeof digits, "%04d", counter);
        std::string name = nameFor(day + digits);
        if (!isFree(name)) continue;
        auto saved = writeFileAtomically(folder_ / "request-counter", day + " " + digits + "\n");
        if (!saved) return saved.problem();
        return name;
    }
    return Problem{"gateway.counter_full", "all 9999 request numbers of " + day + " are used"};
}

}  // namespace madoguchi::gateway
