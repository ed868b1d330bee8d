#pragma once
// The daily request counter several PCs share (DOMAIN.md §9: request numbers come from a counter
// file, not from what is in req/ and res/, which other software moves and deletes). The counter
// file and its lock live in the gateway root's ".madoguchi" folder, beside req/ on the same volume.
// The lock is a file created exclusively (O_EXCL works over network shares); a lock older than
// kStaleLockAge was left by a crashed writer and is taken over.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "domain/outcome.h"

namespace madoguchi::gateway {

inline constexpr auto kStaleLockAge = std::chrono::seconds(15);
inline constexpr auto kLockWait = std::chrono::seconds(10);

class FolderLock {
public:
    // Waits up to kLockWait for lockFile; Problem "gateway.locked" when it stays held.
    static Outcome<std::shared_ptr<FolderLock>> acquire(const std::filesystem::path& lockFile);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    explicit FolderLock(std::filesystem::path lockFile) : path_(std::move(lockFile)) {}
    std::filesystem::path path_;
};

class RequestCounter {
public:
    // stateFolder: where "request-counter" and its lock live (created 0700 when missing).
    explicit RequestCounter(std::filesystem::path stateFolder);

    // Under the lock: the next 4-digit counter of the day (yyyyMMdd) whose name, built by nameFor,
    // isFree says is unused; the counter file then holds it. Problem when the day's 9999 are used
    // or the lock cannot be had.
    Outcome<std::string> next(const std::string& day, const std::function<std::string(const std::string&)>& nameFor,
                              const std::function<bool(const std::string&)>& isFree);

private:
    std::filesystem::path folder_;
};

}  // namespace madoguchi::gateway
