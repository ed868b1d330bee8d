#pragma once
// Setting and removing environment variables in a test, the same call on both systems. Windows has
// no setenv: the C runtime's copy (_wputenv_s, read by getenv/_wgetenv) and the process's own
// (SetEnvironmentVariableW, what CreateProcessW hands the programs a test starts) are both set,
// from UTF-8.
#include <cstdlib>
#include <string>
#ifdef _WIN32
#include <windows.h>
#endif

namespace madoguchi::test {

#ifdef _WIN32
inline std::wstring wideText(const std::string& utf8) {
    if (utf8.empty()) return {};
    const int size = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring text(static_cast<std::size_t>(size), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), text.data(), size);
    return text;
}
inline void setEnvironment(const std::string& name, const std::string& value) {
    _wputenv_s(wideText(name).c_str(), wideText(value).c_str());
    SetEnvironmentVariableW(wideText(name).c_str(), wideText(value).c_str());
}
inline void unsetEnvironment(const std::string& name) {
    _wputenv_s(wideText(name).c_str(), L"");
    SetEnvironmentVariableW(wideText(name).c_str(), nullptr);
}
#else
inline void setEnvironment(const std::string& name, const std::string& value) { ::setenv(name.c_str(), value.c_str(), 1); }
inline void unsetEnvironment(const std::string& name) { ::unsetenv(name.c_str()); }
#endif

}  // namespace madoguchi::test
