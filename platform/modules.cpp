#include "platform/modules.h"

#include <cstdlib>

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#endif

// Release builds look only beside the installed program.
#ifndef MADOGUCHI_DEVELOPER_BUILD
#define MADOGUCHI_BUILD_MODULE_DIR ""
#define MADOGUCHI_BUILD_HELPER_DIR ""
#endif

namespace madoguchi::platform {

namespace fs = std::filesystem;

fs::path executablePath() {
#ifdef _WIN32
    std::wstring buffer(32768, L'\0');
    const DWORD length = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    buffer.resize(length);
    return fs::path(buffer);
#else
    std::error_code ec;
    return fs::read_symlink("/proc/self/exe", ec);
#endif
}

namespace {

// `override` (developer builds), then `buildDir` of the build tree (developer builds), then
// <prefix>/<installedDir>/<fileName> beside the running program.
fs::path installedFile(const std::string& fileName, const char* override, const char* buildDir, const char* installedDir) {
#ifdef MADOGUCHI_DEVELOPER_BUILD
    if (const char* fromEnvironment = std::getenv(override); fromEnvironment && *fromEnvironment)
        return fromEnvironment;
    const fs::path buildTree = fs::path(buildDir) / fileName;
    if (fs::exists(buildTree)) return buildTree;
#else
    (void)override;
    (void)buildDir;
#endif
    return executablePath().parent_path().parent_path() / installedDir / fileName;
}

}  // namespace

fs::path modulePath(const std::string& fileName, const char* override) {
    return installedFile(fileName, override, MADOGUCHI_BUILD_MODULE_DIR, MADOGUCHI_INSTALLED_MODULE_DIR);
}

fs::path helperProgramPath(const std::string& fileName, const char* override) {
    return installedFile(fileName, override, MADOGUCHI_BUILD_HELPER_DIR, MADOGUCHI_INSTALLED_HELPER_DIR);
}

namespace {

// The handle of the module at `path`, null when it is missing or cannot be loaded (on Windows the
// path goes as UTF-16, so a Japanese install folder works).
void* load(const fs::path& path) {
#ifdef _WIN32
    return reinterpret_cast<void*>(LoadLibraryW(path.c_str()));
#else
    return dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
#endif
}

void* exported(void* handle, const char* name) {
#ifdef _WIN32
    return reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(handle), name));
#else
    return dlsym(handle, name);
#endif
}

}  // namespace

Module Module::open(const fs::path& path, const char* versionSymbol, int version) {
    Module module;
    void* handle = load(path);
    if (!handle) return module;
    auto* moduleVersion = reinterpret_cast<int (*)()>(exported(handle, versionSymbol));
    if (moduleVersion && moduleVersion() == version) module.handle_ = handle;
    return module;
}

void* Module::symbol(const char* name) const { return handle_ ? exported(handle_, name) : nullptr; }

}  // namespace madoguchi::platform
