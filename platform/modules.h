#pragma once
// Shared modules that Madoguchi opens at run time instead of linking (the face check's OpenCV,
// the site server's libpq): where they are installed, and opening one. Modules are built with
// the program (same compiler and headers); each exports a version function, checked on opening.
#include <filesystem>
#include <string>

namespace madoguchi::platform {

// The running program's own file (resolved, not argv[0]).
std::filesystem::path executablePath();
// <prefix>/<libdir>/madoguchi/<fileName> beside the installed program. Developer builds
// (MADOGUCHI_DEVELOPER_BUILD) first try the environment variable `override` and the build tree.
std::filesystem::path modulePath(const std::string& fileName, const char* override);
// A helper program that the program runs in its place (madoguchi-cli's gateway and card commands):
// <prefix>/<libexecdir>/<fileName>, so that its own resources and modules are found as the
// program's. Developer builds first try `override` and the build tree's libexec folder.
std::filesystem::path helperProgramPath(const std::string& fileName, const char* override);

// An opened module: dlopen keeps it mapped for the rest of the process (code from it may live
// in objects anywhere), so it is never closed.
class Module {
public:
    // Opens the module at `path` and checks its `versionSymbol` (an int() function) returns
    // `version`; an empty Module when the file is missing, is no module, or is of another version.
    static Module open(const std::filesystem::path& path, const char* versionSymbol, int version);
    explicit operator bool() const { return handle_ != nullptr; }
    // The exported function `name`, or nullptr.
    template <class Function>
    Function* function(const char* name) const {
        return reinterpret_cast<Function*>(symbol(name));
    }

private:
    void* symbol(const char* name) const;
    void* handle_ = nullptr;
};

}  // namespace madoguchi::platform
