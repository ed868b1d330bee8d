#pragma once
// Reading a file another program may still be writing, and writing files other programs read,
// in folders anyone on the network may drop things into. Reads never follow a symlink, never
// block (a FIFO must not hang the watcher), accept regular files only and stop at the cap plus one
// byte. Writes go through a temporary file with an unpredictable name, created exclusively, then
// renamed into place.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "domain/outcome.h"

namespace madoguchi::gateway {

struct StableReadLimits {
    std::size_t maxBytes = 16 * 1024 * 1024;
    std::chrono::milliseconds settle{40};  // the pause between the two reads
    int maxAttempts = 25;                  // a file still changing after this is reported
};

// One read: nullopt when the file is absent; a Problem when it is a symlink, not a regular file
// ("gateway.not_regular"), larger than maxBytes ("gateway.too_large") or unreadable.
std::optional<Outcome<std::string>> readRegularFile(const std::filesystem::path& path, std::size_t maxBytes);

// nullopt while the file is absent or still changing (the caller retries later); a Problem as
// readRegularFile's.
std::optional<Outcome<std::string>> readStableFile(const std::filesystem::path& path, const StableReadLimits& limits = {});

enum class ExistingFile { Replace, Keep };

// Writes content (mode 0600) to a new temporary file with a random name created exclusively in
// temporaryFolder (default: the target's folder; it must be on the target's volume), then renames
// it to path. With ExistingFile::Keep an existing path is never replaced: Problem "gateway.exists".
Outcome<bool> writeFileAtomically(const std::filesystem::path& path, const std::string& content,
                                  ExistingFile existing = ExistingFile::Replace,
                                  const std::filesystem::path& temporaryFolder = {});

// A random lowercase hex string of the given length (std::random_device).
std::string randomHex(std::size_t length);

}  // namespace madoguchi::gateway
