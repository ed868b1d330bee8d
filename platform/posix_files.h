#pragma once
// The file calls Madoguchi makes (open, read, write, fsync, link, unlink, stat, renameat2, ...)
// on both platforms. On Linux this is just the system headers. On Windows (the mingw-w64
// cross-build, docs/windows.md) it supplies the same calls on top of the Win32 API, taking the
// wide (UTF-16) paths std::filesystem::path::c_str() gives there, so Japanese folder and file
// names reach the OS unchanged:
//   open        _wopen, always binary, never inherited by child processes
//   fsync       _commit (FlushFileBuffers)
//   link        CreateHardLinkW (fails with EEXIST when the target exists, like link(2))
//   renameat2   MoveFileExW: atomic replace (MOVEFILE_REPLACE_EXISTING) unless RENAME_NOREPLACE
//   stat/lstat  _wstat64; Windows has no POSIX owner, group or others (the C runtime copies the
//               owner's bits to them): st_uid is 0 and the group and others bits are cleared, so
//               the POSIX ownership checks pass and the ACLs do the protecting (not checked yet)
//   fopen       _wfopen (for a std::filesystem::path's c_str())
//   getuid      0 (see stat)
// O_NOFOLLOW, O_CLOEXEC, O_NONBLOCK and O_NOCTTY have no Windows meaning and are 0.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifdef _WIN32
#include <cerrno>
#include <cstdio>
#include <io.h>
#include <windows.h>

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
#define S_IWOTH 0
#endif
#ifndef AT_FDCWD
#define AT_FDCWD (-100)
#endif
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1u
#endif

namespace madoguchi::platform {
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
}  // namespace madoguchi::platform

inline int open(const wchar_t* path, int flags, int mode = 0) {
    // 0600 and the like: Windows knows only "read-only or not" here.
    const int windowsMode = (mode & 0200) ? (_S_IREAD | _S_IWRITE) : _S_IREAD;
    return ::_wopen(path, flags | _O_BINARY | _O_NOINHERIT, windowsMode);
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
    info->st_mode = static_cast<decltype(info->st_mode)>(wide.st_mode & ~0077);
    info->st_size = static_cast<decltype(info->st_size)>(wide.st_size);
    info->st_mtime = static_cast<decltype(info->st_mtime)>(wide.st_mtime);
    return 0;
}
inline int lstat(const wchar_t* path, struct stat* info) { return stat(path, info); }
inline FILE* fopen(const wchar_t* path, const char* mode) {
    wchar_t wideMode[8] = {};
    for (int i = 0; i < 7 && mode[i]; ++i) wideMode[i] = static_cast<wchar_t>(mode[i]);
    return ::_wfopen(path, wideMode);
}
inline int getuid() { return 0; }
inline int geteuid() { return 0; }
#endif
