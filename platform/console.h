#pragma once
// A command-line program's console, the same on both platforms: its arguments and its standard
// output as UTF-8 bytes, and a secret asked for on the terminal without showing it.
//
// Arguments: on Windows the C runtime's narrow argv is in the ANSI code page (CP932 on a
// Japanese PC, lossy elsewhere), so they are taken from the UTF-16 command line instead.
// Standard output: binary on Windows, so the JSON is byte for byte what Linux prints ("\n", not
// "\r\n").
//
// The secret: on Linux the
// controlling terminal (/dev/tty) with its echo turned off (termios); on Windows the console
// (CONIN$/CONOUT$) with ENABLE_ECHO_INPUT cleared, read as UTF-16 and returned as UTF-8 so a
// Japanese passphrase arrives as the same bytes as on Linux. The terminal's mode is restored
// whatever happens. std::nullopt when the process has no terminal or console.
#include <optional>
#include <string>
#include <vector>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <windows.h>
// after windows.h:
#include <shellapi.h>

#include <cstdio>
#else
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>
#endif

namespace madoguchi::platform {

#ifdef _WIN32
inline std::string utf8(const std::wstring& wide) {
    std::string bytes(wide.size() * 3, '\0');
    bytes.resize(static_cast<std::size_t>(WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()),
                                                              bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                                              nullptr)));
    return bytes;
}

// The program's arguments after its own name, as UTF-8.
inline std::vector<std::string> utf8Arguments(int, char**) {
    int count = 0;
    wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count);
    std::vector<std::string> arguments;
    for (int i = 1; wide && i < count; ++i) arguments.push_back(utf8(wide[i]));
    LocalFree(wide);
    return arguments;
}

inline void useBinaryStandardOutput() {
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
}

inline std::optional<std::string> readHiddenLine(const std::string& prompt) {
    HANDLE input = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                               OPEN_EXISTING, 0, nullptr);
    if (input == INVALID_HANDLE_VALUE) return std::nullopt;
    HANDLE output = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                                OPEN_EXISTING, 0, nullptr);
    DWORD saved = 0;
    const bool restore = GetConsoleMode(input, &saved) != 0;
    if (restore) SetConsoleMode(input, (saved | ENABLE_LINE_INPUT | ENABLE_PROCESSED_INPUT) & ~ENABLE_ECHO_INPUT);
    const std::wstring widePrompt = [&prompt] {
        std::wstring wide(prompt.size(), L'\0');
        wide.resize(static_cast<std::size_t>(MultiByteToWideChar(CP_UTF8, 0, prompt.data(), static_cast<int>(prompt.size()),
                                                                 wide.data(), static_cast<int>(wide.size()))));
        return wide;
    }();
    DWORD written = 0;
    if (output != INVALID_HANDLE_VALUE) WriteConsoleW(output, widePrompt.data(), static_cast<DWORD>(widePrompt.size()), &written, nullptr);
    std::wstring line;
    wchar_t c = 0;
    DWORD got = 0;
    while (ReadConsoleW(input, &c, 1, &got, nullptr) && got == 1 && c != L'\n') {
        if (c != L'\r') line += c;
    }
    if (restore) SetConsoleMode(input, saved);
    if (output != INVALID_HANDLE_VALUE) {
        WriteConsoleW(output, L"\r\n", 2, &written, nullptr);
        CloseHandle(output);
    }
    CloseHandle(input);
    std::string password = utf8(line);
    SecureZeroMemory(line.data(), line.size() * sizeof(wchar_t));
    return password;
}
#else
inline std::vector<std::string> utf8Arguments(int argc, char** argv) { return {argv + 1, argv + argc}; }

inline void useBinaryStandardOutput() {}

inline std::optional<std::string> readHiddenLine(const std::string& prompt) {
    int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY);
    if (tty < 0) return std::nullopt;
    termios saved{};
    bool restore = ::tcgetattr(tty, &saved) == 0;
    if (restore) {
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        ::tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    [[maybe_unused]] ssize_t shown = ::write(tty, prompt.data(), prompt.size());
    std::string line;
    char c = 0;
    while (::read(tty, &c, 1) == 1 && c != '\n') line += c;
    if (restore) ::tcsetattr(tty, TCSAFLUSH, &saved);
    [[maybe_unused]] ssize_t newline = ::write(tty, "\n", 1);
    ::close(tty);
    return line;
}
#endif

}  // namespace madoguchi::platform
