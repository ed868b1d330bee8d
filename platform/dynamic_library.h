#pragma once
// Opening a module (a shared library) at run time and finding an exported function in it, on
// both platforms: dlopen/dlsym on Linux, LoadLibraryW/GetProcAddress on Windows (the module's
// path as UTF-16, so a Japanese install folder works). A module is never closed: the code of the
// objects it made lives in it for the rest of the process.
#include <filesystem>

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#endif

namespace madoguchi::platform {

// The module's handle, null when it is missing or cannot be loaded.
inline void* openModule(const std::filesystem::path& path) {
#ifdef _WIN32
    return reinterpret_cast<void*>(LoadLibraryW(path.c_str()));
#else
    return dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
#endif
}

// The address of the exported `name`, null when the module has none.
inline void* moduleSymbol(void* module, const char* name) {
#ifdef _WIN32
    return reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(module), name));
#else
    return dlsym(module, name);
#endif
}

}  // namespace madoguchi::platform
