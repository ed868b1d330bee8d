#pragma once
// Reading a file another program may still be writing: read until two reads a moment apart
// agree, with a size cap. Used for res/ answers and face/ results.
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

// nullopt while the file is absent or still changing (the caller retries later).
std::optional<Outcome<std::string>> readStableFile(const std::filesystem::path& path, const StableReadLimits& limits = {});

// Writes through a temporary name in the same folder and renames it into place (atomic).
Outcome<bool> writeFileAtomically(const std::filesystem::path& path, const std::string& content);

}  // namespace madoguchi::gateway
