#pragma once
// A child program started by a test, with its standard output on a pipe (the test reads what it
// reports line by line) or, for daemons, its output appended to a log file; stopped by its own
// process id (SIGTERM with a grace period, or SIGKILL). On Windows: child_process_windows.h, the
// same class over CreateProcessW (no signals there: signal() is POSIX only).
#ifdef _WIN32
#include "child_process_windows.h"
#else
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace madoguchi::test {

class ChildProcess {
public:
    // Standard output on a pipe the test reads; with `mergeErrors` standard error too.
    explicit ChildProcess(const std::vector<std::string>& argv, bool mergeErrors = false) {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            dup2(fds[1], STDOUT_FILENO);
            if (mergeErrors) dup2(fds[1], STDERR_FILENO);
            close(fds[0]);
            close(fds[1]);
            execArgv(argv);
        }
        close(fds[1]);
        out_ = fds[0];
    }
    // Output (standard output and error) appended to `log`; standard input is /dev/null.
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log) {
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            const int null = open("/dev/null", O_RDONLY);
            dup2(null, STDIN_FILENO);
            execArgv(argv);
        }
    }
    ~ChildProcess() {
        if (pid_ > 0) {
            killHard();
            wait();
        }
        if (out_ >= 0) close(out_);
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool outputEnded() const { return ended_; }  // the child closed its output (it ended)

    // The next complete line, or nothing if none came within the timeout or the output ended.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            if (auto end = buffer_.find('\n'); end != std::string::npos) {
                std::string line = buffer_.substr(0, end);
                buffer_.erase(0, end + 1);
                return line;
            }
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || !fill(static_cast<int>(left.count()))) return std::nullopt;
        }
    }

    // Every complete line still in the pipe once the child is gone (after kill and wait).
    std::vector<std::string> remainingLines() {
        while (fill(0)) {
        }
        std::vector<std::string> lines;
        while (auto line = readLine(std::chrono::milliseconds(0))) lines.push_back(*line);
        return lines;  // a last line without '\n' was cut by the kill and is not reported
    }

    // The whole output until the child closes it (it ended), however long that takes.
    std::string readAll() {
        while (!ended_) fill(-1);
        return std::exchange(buffer_, std::string());
    }

    void killHard() {
        if (pid_ > 0) kill(pid_, SIGKILL);
    }
    void signal(int number) const {
        if (pid_ > 0) kill(pid_, number);
    }
    // SIGTERM, then waits up to `grace` before SIGKILL; the exit status as waitpid gives it.
    int stop(std::chrono::milliseconds grace = std::chrono::seconds(5)) {
        if (pid_ <= 0) return 0;
        kill(pid_, SIGTERM);
        int status = 0;
        const auto deadline = std::chrono::steady_clock::now() + grace;
        while (std::chrono::steady_clock::now() < deadline) {
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return status;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        killHard();
        return wait();
    }
    // Waits for the child to end; its exit status as waitpid gives it.
    int wait() {
        int status = 0;
        if (pid_ > 0) {
            while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            pid_ = -1;
        }
        return status;
    }
    // What wait() returned, read the same way on both systems.
    static bool killedHard(int status) { return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL; }
    static int exitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

private:
    [[noreturn]] static void execArgv(const std::vector<std::string>& argv) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    bool fill(int timeoutMs) {  // false when nothing more can come (timeout or end of output)
        pollfd p{out_, POLLIN, 0};
        if (poll(&p, 1, timeoutMs) <= 0) return false;
        char chunk[4096];
        ssize_t n = read(out_, chunk, sizeof chunk);
        if (n <= 0) {
            ended_ = n == 0;
            return false;
        }
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    pid_t pid_ = -1;
    int out_ = -1;
    std::string buffer_;
    bool ended_ = false;
};

}  // namespace madoguchi::test
#endif
