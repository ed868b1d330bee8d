#pragma once
// The file calls Madoguchi makes (open, read, write, fsync, link, unlink, stat, renameat2, ...)
// on both platforms. On Linux this is just the system headers. On Windows (the mingw-w64
// cross-build, docs/windows.md) it supplies the same calls on top of the Win32 API, taking the
// wide (UTF-16) paths std::filesystem::path::c_str() gives there, so Japanese folder and file
// names reach the OS unchanged:
//   open        CreateFileW sharing reading, writing and deletion (others may delete or rename a
//               file Madoguchi has open, as on Linux), always binary, never inherited
//   fsync       _commit (FlushFileBuffers)
//   link        CreateHardLinkW (fails with EEXIST when the target exists, like link(2))
//   renameat2   MoveFileExW: atomic replace (MOVEFILE_REPLACE_EXISTING) unless RENAME_NOREPLACE
//   stat/lstat  _wstat64; Windows has no POSIX owner, group or others (the C runtime copies the
//               owner's bits to them): st_uid is 0 and the group and others bits are cleared, so
//               the POSIX ownership checks pass and the ACLs do the protecting (not checked yet)
//   fopen       open() above (for a std::filesystem::path's c_str()), binary
//   getuid      0 (see stat)
//   chmod       a mode without group or others bits gives the file or folder a private DACL
//               (below); other modes only the read-only flag
//   gethostname the computer's DNS host name (GetComputerNameExW), as UTF-8
// Private files on Windows: a file `open` creates with the flag platform::kPrivateAcl (0 on
// Linux, where the mode 0600 does it) is created with a protected DACL granting only the current
// user and the Administrators group. Without the flag a new file inherits its folder's ACL: the
// requests written into the terminal's shares must stay readable by the terminal's account. `stat`
// reports the group and others bits from the DACL: S_IRGRP|S_IROTH (S_IWGRP|S_IWOTH) when anyone
// else (Everyone, Users, another account; SYSTEM and Administrators are not "others") may read
// (write) the file.
// O_NOFOLLOW, O_CLOEXEC, O_NONBLOCK and O_NOCTTY have no Windows meaning and are 0.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef _WIN32
namespace madoguchi::platform {
inline constexpr int kPrivateAcl = 0;  // the mode (0600) makes a new file private
}  // namespace madoguchi::platform
#else
#include <cerrno>
#include <cstdio>
#include <io.h>
#include <windows.h>
// after windows.h:
#include <aclapi.h>
#include <sddl.h>

#include <memory>
#include <optional>
#include <string>

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef O_NONBLOCK
#define O_NONBLOCK 0
#endif
#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif
#ifndef S_ISLNK
#define S_ISLNK(mode) 0
#endif
#ifndef S_IWOTH
#define S_IWOTH 0002  // from the DACL (stat below)
#endif
#ifndef AT_FDCWD
#define AT_FDCWD (-100)
#endif
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1u
#endif

namespace madoguchi::platform {
// open(): create the file with the private DACL (a bit no C runtime flag uses; never passed on).
inline constexpr int kPrivateAcl = 0x10000000;

// errno for the last Win32 error of a file call.
inline int errnoFromLastError() {
    switch (GetLastError()) {
        case ERROR_FILE_EXISTS:
        case ERROR_ALREADY_EXISTS: return EEXIST;
        case ERROR_FILE_NOT_FOUND:
        case ERROR_PATH_NOT_FOUND: return ENOENT;
        case ERROR_ACCESS_DENIED:
        case ERROR_SHARING_VIOLATION: return EACCES;
        case ERROR_NOT_SAME_DEVICE: return EXDEV;
        case ERROR_DISK_FULL: return ENOSPC;
        default: return EIO;
    }
}

struct LocalFreeDeleter {
    void operator()(void* memory) const { LocalFree(memory); }
};
using LocalMemory = std::unique_ptr<void, LocalFreeDeleter>;

// The current user's SID as text (S-1-5-21-…); empty when the process token cannot be read.
inline std::wstring currentUserSid() {
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return {};
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::unique_ptr<unsigned char[]> buffer(new unsigned char[size ? size : 1]);
    std::wstring text;
    wchar_t* sid = nullptr;
    if (GetTokenInformation(token, TokenUser, buffer.get(), size, &size) &&
        ConvertSidToStringSidW(reinterpret_cast<TOKEN_USER*>(buffer.get())->User.Sid, &sid)) {
        text = sid;
        LocalFree(sid);
    }
    CloseHandle(token);
    return text;
}

// The private DACL: full access for the current user and the Administrators group only, built
// entry by entry (the SDDL parser of Wine 8 returns no DACL for such a string, and a missing DACL
// would mean "everyone"). OICI (what is created inside inherits the entries): folders only.
class PrivateAcl {
public:
    explicit PrivateAcl(bool folder) {
        HANDLE token = nullptr;
        if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return;
        DWORD size = 0;
        GetTokenInformation(token, TokenUser, nullptr, 0, &size);
        user_.resize(size ? size : 1);
        const bool known = GetTokenInformation(token, TokenUser, user_.data(), size, &size);
        CloseHandle(token);
        DWORD adminsSize = SECURITY_MAX_SID_SIZE;
        admins_.resize(adminsSize);
        if (!known || !CreateWellKnownSid(WinBuiltinAdministratorsSid, nullptr, admins_.data(), &adminsSize)) return;
        PSID userSid = reinterpret_cast<TOKEN_USER*>(user_.data())->User.Sid;
        const DWORD aclSize = sizeof(ACL) + 2 * sizeof(ACCESS_ALLOWED_ACE) + GetLengthSid(userSid) + adminsSize;
        acl_.resize(aclSize);
        const DWORD inherit = folder ? (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE) : 0;
        auto* acl = reinterpret_cast<PACL>(acl_.data());
        ready_ = InitializeAcl(acl, aclSize, ACL_REVISION) &&
                 AddAccessAllowedAceEx(acl, ACL_REVISION, inherit, FILE_ALL_ACCESS, userSid) &&
                 AddAccessAllowedAceEx(acl, ACL_REVISION, inherit, FILE_ALL_ACCESS, admins_.data()) &&
                 InitializeSecurityDescriptor(&descriptor_, SECURITY_DESCRIPTOR_REVISION) &&
                 SetSecurityDescriptorDacl(&descriptor_, TRUE, acl, FALSE) &&
                 SetSecurityDescriptorControl(&descriptor_, SE_DACL_PROTECTED, SE_DACL_PROTECTED);
    }
    PrivateAcl(const PrivateAcl&) = delete;
    PrivateAcl& operator=(const PrivateAcl&) = delete;

    bool ready() const { return ready_; }
    PACL acl() { return reinterpret_cast<PACL>(acl_.data()); }
    PSECURITY_DESCRIPTOR descriptor() { return &descriptor_; }

private:
    std::string user_, admins_, acl_;  // byte buffers
    SECURITY_DESCRIPTOR descriptor_{};
    bool ready_ = false;
};

// Replaces the DACL of an existing file or folder with the private one above.
inline bool makePrivate(const wchar_t* path) {
    const DWORD attributes = GetFileAttributesW(path);
    if (attributes == INVALID_FILE_ATTRIBUTES) return false;
    PrivateAcl priv((attributes & FILE_ATTRIBUTE_DIRECTORY) != 0);
    if (!priv.ready()) return false;
    return SetNamedSecurityInfoW(const_cast<wchar_t*>(path), SE_FILE_OBJECT,
                                 DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr, nullptr,
                                 priv.acl(), nullptr) == ERROR_SUCCESS;
}

// Who besides the owner may read or write `path`, as POSIX group/others bits (0, 044, 066, …):
// every allowing entry of its DACL for a SID that is neither the current user, the Administrators
// group, SYSTEM nor the creator-owner placeholder. A missing DACL is "everyone may do everything".
inline int othersBits(const wchar_t* path) {
    PACL dacl = nullptr;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (GetNamedSecurityInfoW(path, SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr, nullptr, &dacl, nullptr,
                              &descriptor) != ERROR_SUCCESS)
        return 0;
    LocalMemory owned(descriptor);
    if (!dacl) return 066;
    const std::wstring user = currentUserSid();
    int bits = 0;
    for (DWORD i = 0; i < dacl->AceCount; ++i) {
        void* entry = nullptr;
        if (!GetAce(dacl, i, &entry)) continue;
        const auto* header = static_cast<ACE_HEADER*>(entry);
        if (header->AceType != ACCESS_ALLOWED_ACE_TYPE || (header->AceFlags & INHERIT_ONLY_ACE)) continue;
        const auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(entry);
        PSID sid = const_cast<DWORD*>(&allowed->SidStart);
        wchar_t* text = nullptr;
        if (!ConvertSidToStringSidW(sid, &text)) continue;
        const std::wstring name = text;
        LocalFree(text);
        if (name == user || name == L"S-1-5-32-544" || name == L"S-1-5-18" || name == L"S-1-3-4") continue;
        const ACCESS_MASK mask = allowed->Mask;
        if (mask & (GENERIC_ALL | GENERIC_READ | FILE_READ_DATA)) bits |= 044;
        if (mask & (GENERIC_ALL | GENERIC_WRITE | FILE_WRITE_DATA | FILE_APPEND_DATA)) bits |= 022;
    }
    return bits;
}

// CreateFileW's creation disposition for POSIX open flags.
inline DWORD creationFor(int flags) {
    if ((flags & O_CREAT) && (flags & O_EXCL)) return CREATE_NEW;
    if ((flags & O_CREAT) && (flags & O_TRUNC)) return CREATE_ALWAYS;
    if (flags & O_CREAT) return OPEN_ALWAYS;
    return (flags & O_TRUNC) ? TRUNCATE_EXISTING : OPEN_EXISTING;
}

// CreateFileW's access rights for POSIX open flags.
inline DWORD accessFor(int flags) {
    switch (flags & (O_RDONLY | O_WRONLY | O_RDWR)) {
        case O_WRONLY: return GENERIC_WRITE;
        case O_RDWR: return GENERIC_READ | GENERIC_WRITE;
        default: return GENERIC_READ;
    }
}
}  // namespace madoguchi::platform

// open() as CreateFileW: every share mode, FILE_SHARE_DELETE included, so that while Madoguchi
// reads or writes a file the terminal, the chart software or a second reception PC may still
// delete or rename it (the C runtime's _wopen shares reading and writing only: their call failed
// with a sharing violation). Then a C runtime descriptor on the handle (binary, not inherited).
inline int open(const wchar_t* path, int flags, int mode = 0) {
    // A file created private gets the private DACL at creation, never readable by others, not even
    // for a moment; otherwise a new file inherits its folder's ACL, and Windows knows only
    // "read-only or not" of the mode.
    std::optional<madoguchi::platform::PrivateAcl> priv;
    if ((flags & madoguchi::platform::kPrivateAcl) && (flags & O_CREAT) && !priv.emplace(false).ready()) {
        errno = EACCES;
        return -1;
    }
    SECURITY_ATTRIBUTES attributes{sizeof(SECURITY_ATTRIBUTES), priv ? priv->descriptor() : nullptr, FALSE};
    HANDLE file = CreateFileW(path, madoguchi::platform::accessFor(flags),
                              FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, &attributes,
                              madoguchi::platform::creationFor(flags),
                              (mode & 0200) || !(flags & O_CREAT) ? FILE_ATTRIBUTE_NORMAL : FILE_ATTRIBUTE_READONLY,
                              nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        errno = madoguchi::platform::errnoFromLastError();
        return -1;
    }
    const int fd = ::_open_osfhandle(reinterpret_cast<intptr_t>(file), (flags & O_APPEND) | _O_NOINHERIT);
    if (fd < 0) CloseHandle(file);
    return fd;
}
inline int chmod(const wchar_t* path, int mode) {
    if ((mode & 077) == 0 && !madoguchi::platform::makePrivate(path)) {
        errno = madoguchi::platform::errnoFromLastError();
        return -1;
    }
    return ::_wchmod(path, (mode & 0200) ? (_S_IREAD | _S_IWRITE) : _S_IREAD);
}
inline int gethostname(char* name, size_t size) {
    wchar_t wide[256] = {};
    DWORD length = 255;
    if (!GetComputerNameExW(ComputerNameDnsHostname, wide, &length)) return -1;
    const int bytes = WideCharToMultiByte(CP_UTF8, 0, wide, static_cast<int>(length), name,
                                          static_cast<int>(size) - 1, nullptr, nullptr);
    if (bytes <= 0) return -1;
    name[bytes] = '\0';
    return 0;
}
inline int fsync(int fd) { return ::_commit(fd); }
inline int unlink(const wchar_t* path) { return ::_wunlink(path); }
inline int link(const wchar_t* existing, const wchar_t* created) {
    if (CreateHardLinkW(created, existing, nullptr)) return 0;
    errno = madoguchi::platform::errnoFromLastError();
    return -1;
}
inline int renameat2(int, const wchar_t* from, int, const wchar_t* to, unsigned flags) {
    const DWORD how = MOVEFILE_WRITE_THROUGH | ((flags & RENAME_NOREPLACE) ? 0 : MOVEFILE_REPLACE_EXISTING);
    if (MoveFileExW(from, to, how)) return 0;
    errno = madoguchi::platform::errnoFromLastError();
    return -1;
}
inline int stat(const wchar_t* path, struct stat* info) {
    struct _stat64 wide {};
    if (::_wstat64(path, &wide) != 0) return -1;
    *info = {};
    // The C runtime copies the owner's bits to group and others: they come from the DACL instead.
    info->st_mode = static_cast<decltype(info->st_mode)>((wide.st_mode & ~0077) |
                                                         madoguchi::platform::othersBits(path));
    info->st_size = static_cast<decltype(info->st_size)>(wide.st_size);
    info->st_mtime = static_cast<decltype(info->st_mtime)>(wide.st_mtime);
    return 0;
}
inline int lstat(const wchar_t* path, struct stat* info) { return stat(path, info); }
// fopen() on open() above (sharing deletion too); the modes "r", "w" and "a", "+" and "b" as the
// C library's, always binary.
inline FILE* fopen(const wchar_t* path, const char* mode) {
    const std::string how(mode);
    const bool update = how.find('+') != std::string::npos;
    int flags = update ? O_RDWR : (how[0] == 'r' ? O_RDONLY : O_WRONLY);
    if (how[0] == 'w') flags |= O_CREAT | O_TRUNC;
    if (how[0] == 'a') flags |= O_CREAT | O_APPEND;
    const int fd = open(path, flags, 0666);
    if (fd < 0) return nullptr;
    FILE* stream = ::_fdopen(fd, (how.substr(0, 1) + (update ? "+b" : "b")).c_str());
    if (!stream) ::_close(fd);
    return stream;
}
inline int getuid() { return 0; }
inline int geteuid() { return 0; }
#endif
