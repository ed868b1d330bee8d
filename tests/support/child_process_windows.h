#pragma once
// Windows side of child_process.h (the same class, included from there): a child program started
// with CreateProcessW, its standard output on an anonymous pipe (or, for daemons, appended to a
// log file), stopped with TerminateProcess. Windows has no signals: stop() ends the child at once
// (there is no polite SIGTERM to give it), and a child ended by killHard() reports the exit code
// kKilledExitCode, which killedHard() recognises. Arguments are UTF-8 and reach the child as
// UTF-16, quoted the way CommandLineToArgvW splits them.
#include <windows.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "environment.h"  // wideText

namespace madoguchi::test {

class ChildProcess {
public:
    // What a child ended by killHard() exits with (SIGKILL's 128 + 9, as a shell reports it).
    static constexpr DWORD kKilledExitCode = 137;

    // Standard output on a pipe the test reads; with `mergeErrors` standard error too.
    explicit ChildProcess(const std::vector<std::string>& argv, bool mergeErrors = false) {
        SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
        HANDLE writeEnd = nullptr;
        if (!CreatePipe(&out_, &writeEnd, &inherit, 0)) throw std::runtime_error("CreatePipe failed");
        SetHandleInformation(out_, HANDLE_FLAG_INHERIT, 0);  // only the write end goes to the child
        HANDLE input = CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit, OPEN_EXISTING, 0, nullptr);
        start(argv, input, writeEnd, mergeErrors ? writeEnd : GetStdHandle(STD_ERROR_HANDLE));
        CloseHandle(input);
        CloseHandle(writeEnd);  // the child holds the only write end: its end is the pipe's end
    }
    // Output (standard output and error) appended to `log`; standard input is NUL.
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log) {
        SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
        HANDLE file = CreateFileW(log.c_str(), FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
                                  OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
        if (file == INVALID_HANDLE_VALUE) throw std::runtime_error("cannot open " + log.string());
        HANDLE input = CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit, OPEN_EXISTING, 0, nullptr);
        start(argv, input, file, file);
        CloseHandle(input);
        CloseHandle(file);
    }
    ~ChildProcess() {
        if (process_) {
            killHard();
            wait();
        }
        if (out_) CloseHandle(out_);
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    DWORD pid() const { return pid_; }
    bool outputEnded() const { return ended_; }  // the child closed its output (it ended)

    // The next complete line, or nothing if none came within the timeout or the output ended.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            if (auto end = buffer_.find('\n'); end != std::string::npos) {
                std::string line = buffer_.substr(0, end);
                buffer_.erase(0, end + 1);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !fill(left)) return std::nullopt;
        }
    }

    // Every complete line still in the pipe once the child is gone (after kill and wait).
    std::vector<std::string> remainingLines() {
        while (fill(std::chrono::milliseconds(0))) {
        }
        std::vector<std::string> lines;
        while (auto line = readLine(std::chrono::milliseconds(0))) lines.push_back(*line);
        return lines;  // a last line without '\n' was cut by the kill and is not reported
    }

    // The whole output until the child closes it (it ended), however long that takes.
    std::string readAll() {
        while (!ended_) fill(std::chrono::hours(1));
        return std::exchange(buffer_, std::string());
    }

    void killHard() {
        if (process_) TerminateProcess(process_, kKilledExitCode);
    }
    // No SIGTERM on Windows: the child is ended at once; its exit code.
    int stop(std::chrono::milliseconds = std::chrono::seconds(5)) {
        killHard();
        return wait();
    }
    // Waits for the child to end; its exit code.
    int wait() {
        DWORD code = 0;
        if (process_) {
            WaitForSingleObject(process_, INFINITE);
            GetExitCodeProcess(process_, &code);
            CloseHandle(process_);
            process_ = nullptr;
            pid_ = 0;
        }
        return static_cast<int>(code);
    }
    // What wait() returned, read the same way on both systems.
    static bool killedHard(int status) { return static_cast<DWORD>(status) == kKilledExitCode; }
    static int exitCode(int status) { return status; }

private:
    // One argument quoted so that CommandLineToArgvW (and the C runtime) give it back unchanged.
    static std::wstring quoted(const std::wstring& argument) {
        if (!argument.empty() && argument.find_first_of(L" \t\n\v\"") == std::wstring::npos) return argument;
        std::wstring out = L"\"";
        std::size_t backslashes = 0;
        for (wchar_t c : argument) {
            if (c == L'\\') {
                ++backslashes;
                continue;
            }
            out.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
            backslashes = 0;
            out.push_back(c);
        }
        out.append(backslashes * 2, L'\\');
        out.push_back(L'"');
        return out;
    }
    void start(const std::vector<std::string>& argv, HANDLE input, HANDLE output, HANDLE errors) {
        std::wstring commandLine;
        for (const auto& argument : argv) commandLine += (commandLine.empty() ? L"" : L" ") + quoted(wideText(argument));
        STARTUPINFOW startup{};
        startup.cb = sizeof startup;
        startup.dwFlags = STARTF_USESTDHANDLES;
        startup.hStdInput = input;
        startup.hStdOutput = output;
        startup.hStdError = errors;
        PROCESS_INFORMATION info{};
        if (!CreateProcessW(nullptr, commandLine.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &startup, &info))
            throw std::runtime_error("cannot start " + argv.front() + " (error " + std::to_string(GetLastError()) + ")");
        CloseHandle(info.hThread);
        process_ = info.hProcess;
        pid_ = info.dwProcessId;
    }
    // Anonymous pipes cannot be waited on with a timeout: look (PeekNamedPipe) until data comes,
    // the child closes its end, or the time is up. False when nothing more came.
    bool fill(std::chrono::milliseconds timeout) {
        if (!out_ || ended_) return false;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        DWORD available = 0;
        while (true) {
            if (!PeekNamedPipe(out_, nullptr, 0, nullptr, &available, nullptr)) {
                ended_ = true;  // ERROR_BROKEN_PIPE: every write end is closed
                return false;
            }
            if (available > 0) break;
            if (std::chrono::steady_clock::now() >= deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        char chunk[4096];
        DWORD n = 0;
        if (!ReadFile(out_, chunk, available < sizeof chunk ? available : sizeof chunk, &n, nullptr) || n == 0) {
            ended_ = true;
            return false;
        }
        buffer_.append(chunk, n);
        return true;
    }

    HANDLE process_ = nullptr;
    DWORD pid_ = 0;
    HANDLE out_ = nullptr;
    std::string buffer_;
    bool ended_ = false;
};

}  // namespace madoguchi::test
