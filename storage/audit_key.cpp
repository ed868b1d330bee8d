#include "storage/audit_key.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "platform/posix_files.h"
#include "storage/crypto_primitives.h"
#include "storage/private_files.h"

namespace madoguchi::storage {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Writes a fresh key beside `path`, then links it into place: link() fails when another process
// created the key first, and that key wins (both then read the same one).
void createKeyFile(const std::filesystem::path& path) {
    std::array<unsigned char, AuditKey::kSize> fresh{};
    if (!randomBytes(fresh))
        throw std::runtime_error("the system's random source failed: no audit key was created");
    std::string hex = toHex(fresh.data(), fresh.size()) + "\n";
    wipe(fresh.data(), fresh.size());
    makePrivateFolder(path.parent_path());
    std::filesystem::path temporary = path;
    temporary += ".new-" + std::to_string(::getpid());
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | platform::kPrivateAcl, 0600);
    if (fd < 0) throw std::runtime_error("cannot create the audit key " + path.string() + ": " + std::strerror(errno));
    bool written = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
    ::close(fd);
    wipe(hex.data(), hex.size());
    if (written && ::link(temporary.c_str(), path.c_str()) != 0 && errno != EEXIST) written = false;
    ::unlink(temporary.c_str());
    if (!written) throw std::runtime_error("cannot write the audit key " + path.string());
}

}  // namespace

std::string toHex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex += kDigits[bytes[i] >> 4];
        hex += kDigits[bytes[i] & 0x0f];
    }
    return hex;
}

std::filesystem::path auditKeyIn(const std::filesystem::path& folder) { return folder / "audit.key"; }

std::filesystem::path defaultAuditKeyPath() { return auditKeyIn(configFolder()); }

AuditKey AuditKey::loadOrCreate(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) createKeyFile(path);
    return load(path);
}

AuditKey AuditKey::load(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw std::runtime_error("no audit key at " + path.string() +
                                 ": the audit trail cannot be checked without the key it was sealed with");
    if (std::string reason = notPrivateReason(path); !reason.empty())
        throw std::runtime_error("the audit key is refused: " + reason);
    std::ifstream in(path);
    std::string hex;
    std::getline(in, hex);
    AuditKey key;
    key.path_ = path;
    bool valid = hex.size() == kSize * 2;
    for (std::size_t i = 0; valid && i < kSize; ++i) {
        int high = hexValue(hex[2 * i]), low = hexValue(hex[2 * i + 1]);
        valid = high >= 0 && low >= 0;
        if (valid) key.bytes_[i] = static_cast<unsigned char>(high * 16 + low);
    }
    wipe(hex.data(), hex.size());
    if (!valid) throw std::runtime_error("the audit key " + path.string() + " is malformed (64 hexadecimal digits expected)");
    return key;
}

AuditKey::~AuditKey() { wipe(bytes_.data(), bytes_.size()); }

std::string AuditKey::hmacHex(const std::string& content) const {
    const Sha256Digest digest = hmacSha256(bytes_.data(), bytes_.size(), content);
    return toHex(digest.data(), digest.size());
}

}  // namespace madoguchi::storage
