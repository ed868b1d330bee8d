#pragma once
// The secret that seals the audit trail (HMAC-SHA256) and the settings file. It lives outside the
// journal, in a file only its owner may read (0600, in a 0700 folder), next to the settings;
// whoever can write the journal but cannot read this file cannot forge a row the chain accepts.
#include <array>
#include <filesystem>
#include <string>

namespace madoguchi::storage {

// $XDG_CONFIG_HOME/madoguchi/audit.key (beside settings.json).
std::filesystem::path defaultAuditKeyPath();
// The audit key kept in `folder` (the settings file is sealed with the key beside it).
std::filesystem::path auditKeyIn(const std::filesystem::path& folder);

class AuditKey {
public:
    static constexpr std::size_t kSize = 32;
    // Reads the key, or creates it (random, 0600) when the file does not exist yet. Throws
    // std::runtime_error with a clear message when the file is readable by others, is not the
    // owner's, is malformed, or the random source fails.
    static AuditKey loadOrCreate(const std::filesystem::path& path);
    // Reads an existing key only (audit verify must not invent a new one).
    static AuditKey load(const std::filesystem::path& path);

    ~AuditKey();
    AuditKey(const AuditKey& other) = default;
    AuditKey& operator=(const AuditKey& other) = default;

    std::string hmacHex(const std::string& content) const;  // HMAC-SHA256, lowercase hex
    const std::filesystem::path& path() const { return path_; }

private:
    AuditKey() = default;
    std::array<unsigned char, kSize> bytes_{};
    std::filesystem::path path_;
};

std::string toHex(const unsigned char* bytes, std::size_t size);

}  // namespace madoguchi::storage
