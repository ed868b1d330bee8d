#include "devices/gateway/stable_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <system_error>
#include <thread>

#include "platform/posix_files.h"

namespace madoguchi::gateway {
namespace {

struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

Problem notRegular(const std::filesystem::path& path) {
    return Problem{"gateway.not_regular",
                   "the file " + path.filename().string() + " is not a regular file (a link, a pipe or a device): ignored"};
}

Problem tooLarge(const std::filesystem::path& path, std::size_t maxBytes) {
    return Problem{"gateway.too_large", "the file " + path.filename().string() + " is larger than the " +
                                            std::to_string(maxBytes / 1024) + " KiB (" + std::to_string(maxBytes) +
                                            " bytes) allowed for it; it is left where it is"};
}

// Places temporary at path: rename(2) when replacing is allowed; otherwise renameat2 with
// RENAME_NOREPLACE, or link(2) + unlink where the file system lacks it (some network shares).
Outcome<bool> placeFile(const std::filesystem::path& temporary, const std::filesystem::path& path, ExistingFile existing) {
    int result = 0;
    if (existing == ExistingFile::Replace) {
        result = ::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(), 0);
    } else {
        result = ::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
        if (result != 0 && (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP)) {
            result = ::link(temporary.c_str(), path.c_str());
            if (result == 0) ::unlink(temporary.c_str());
        }
    }
    if (result == 0) return true;
    int error = errno;
    ::unlink(temporary.c_str());
    if (error == EEXIST) return Problem{"gateway.exists", "the file " + path.string() + " already exists: not replaced"};
    return Problem{"gateway.write_failed", "cannot move the file into " + path.string() + ": " + std::strerror(error)};
}

}  // namespace

std::string randomHex(std::size_t length) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::random_device random;
    std::string text;
    while (text.size() < length) {
        unsigned value = random();
        for (int nibble = 0; nibble < 8 && text.size() < length; ++nibble, value >>= 4) text.push_back(kDigits[value & 15]);
    }
    return text;
}

std::optional<Outcome<std::string>> readRegularFile(const std::filesystem::path& path, std::size_t maxBytes) {
    FileDescriptor file{::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (file.fd < 0) {
        if (errno == ENOENT) return std::nullopt;
        if (errno == ELOOP || errno == ENXIO || errno == EWOULDBLOCK) return Outcome<std::string>(notRegular(path));
        return Outcome<std::string>(
            Problem{"gateway.unreadable", "cannot read " + path.filename().string() + ": " + std::strerror(errno)});
    }
    struct stat status {};
    if (::fstat(file.fd, &status) != 0 || !S_ISREG(status.st_mode)) return Outcome<std::string>(notRegular(path));
    const std::size_t size = status.st_size > 0 ? static_cast<std::size_t>(status.st_size) : 0;
    if (size > maxBytes) return Outcome<std::string>(tooLarge(path, maxBytes));  // without reading it
    std::string content;
    content.reserve(size + 1);  // one allocation for a file that is complete; more if it still grows
    char buffer[64 * 1024];
    while (content.size() <= maxBytes) {
        std::size_t wanted = std::min(sizeof buffer, maxBytes + 1 - content.size());
        ssize_t got = ::read(file.fd, buffer, wanted);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0)
            return Outcome<std::string>(
                Problem{"gateway.unreadable", "cannot read " + path.filename().string() + ": " + std::strerror(errno)});
        if (got == 0) break;
        content.append(buffer, static_cast<std::size_t>(got));
    }
    if (content.size() > maxBytes) return Outcome<std::string>(tooLarge(path, maxBytes));
    return Outcome<std::string>(std::move(content));
}

std::optional<Outcome<std::string>> readStableFile(const std::filesystem::path& path, const StableReadLimits& limits) {
    auto previous = readRegularFile(path, limits.maxBytes);
    for (int attempt = 0; attempt < limits.maxAttempts && previous; ++attempt) {
        if (!*previous) return previous;
        std::this_thread::sleep_for(limits.settle);
        auto current = readRegularFile(path, limits.maxBytes);
        if (current && !*current) return current;
        if (current && current->value() == previous->value() && !current->value().empty()) return current;
        previous = std::move(current);
    }
    return std::nullopt;
}

Outcome<bool> writeFileAtomically(const std::filesystem::path& path, const std::string& content, ExistingFile existing,
                                  const std::filesystem::path& temporaryFolder) {
    std::filesystem::path folder = temporaryFolder.empty() ? path.parent_path() : temporaryFolder;
    std::filesystem::path temporary = folder / (".madoguchi-" + randomHex(16) + ".tmp");
    FileDescriptor file{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
    if (file.fd < 0)
        return Problem{"gateway.write_failed", "cannot create a temporary file in " + folder.string() + ": " +
                                                   std::strerror(errno)};
    std::size_t written = 0;
    while (written < content.size()) {
        ssize_t put = ::write(file.fd, content.data() + written, content.size() - written);
        if (put < 0 && errno == EINTR) continue;
        if (put <= 0) {
            ::unlink(temporary.c_str());
            return Problem{"gateway.write_failed",
                           "cannot write " + temporary.string() + " (disk full or no permission?)"};
        }
        written += static_cast<std::size_t>(put);
    }
    if (::close(file.fd) != 0) {
        file.fd = -1;
        ::unlink(temporary.c_str());
        return Problem{"gateway.write_failed", "cannot write " + temporary.string() + " (disk full?)"};
    }
    file.fd = -1;
    return placeFile(temporary, path, existing);
}

}  // namespace madoguchi::gateway
