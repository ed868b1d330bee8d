#pragma once
// A private PostgreSQL cluster for one test run: `initdb` in a fresh temporary folder, `postgres`
// listening only on a Unix socket in that folder (no TCP port, so runs of other worktrees never
// collide), stopped and removed at the end. Run as the unprivileged user `nobody` when the tests
// run as root (CI), since the server refuses root. The server programs come from
// MADOGUCHI_PG_BINDIR, else the newest /usr/lib/postgresql/<version>/bin. POSIX only, standard
// library only. A guardian process stops the server and removes its folder should the test
// process die without its destructor (a crash, SIGKILL): no cluster outlives its test run.
#include <fcntl.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "temp_folder.h"

namespace madoguchi::test {

class PostgresServer {
public:
    // The folder with initdb, pg_ctl and postgres, or nothing when the server is not installed.
    static std::optional<std::filesystem::path> binFolder() {
        if (const char* given = std::getenv("MADOGUCHI_PG_BINDIR"); given && *given) {
            if (complete(given)) return std::filesystem::path(given);
            return std::nullopt;
        }
        std::optional<std::filesystem::path> newest;
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
            auto bin = entry.path() / "bin";
            if (complete(bin) && (!newest || std::stoi(entry.path().filename().string()) >
                                                 std::stoi(newest->parent_path().filename().string())))
                newest = bin;
        }
        return newest;
    }

    PostgresServer() : bin_(requiredBinFolder()) {
        if (geteuid() == 0) {  // the server refuses root: the cluster belongs to nobody
            const passwd* nobody = getpwnam("nobody");
            if (!nobody) throw std::runtime_error("no user `nobody` to run the test server as");
            runAs_ = nobody->pw_name;
            if (chown(folder_.path().c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
                throw std::runtime_error("cannot give " + folder_.path().string() + " to nobody");
        }
        startGuardian();
        run({(bin_ / "initdb").string(), "-D", data().string(), "-U", kUser, "--auth=trust", "--no-sync",
             "--locale=C", "--encoding=UTF8", "--no-instructions"},
            "initdb");
        start();
    }
    ~PostgresServer() {
        try {
            stop();
        } catch (const std::exception&) {  // the folder goes anyway
        }
        close(lifeline_);  // the guardian wakes, finds nothing running, and ends
        while (waitpid(guardian_, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    // pg_ctl start -w: returns when the server accepts connections.
    void start() {
        run({(bin_ / "pg_ctl").string(), "-D", data().string(), "-l", (folder_ / "server.log").string(), "-w", "-t", "60",
             "-o", "-k " + folder_.path().string() + " -c listen_addresses='' -c fsync=off -c max_connections=40", "start"},
            "pg_ctl start");
        running_ = true;
    }
    // pg_ctl stop -m fast: open connections are cut, as when the server's machine shuts down.
    void stop() {
        if (!running_) return;
        running_ = false;
        run({(bin_ / "pg_ctl").string(), "-D", data().string(), "-m", "fast", "-w", "stop"}, "pg_ctl stop");
    }

    // Local connections of `role` need its password (scram-sha-256); everyone else stays trusted.
    // The role itself is created by the test (CREATE ROLE … PASSWORD …, as the trusted superuser).
    void requirePassword(const std::string& role) {
        const auto hba = data() / "pg_hba.conf";
        std::string rules = "local all " + role + " scram-sha-256\n";
        {
            std::ifstream in(hba);
            std::ostringstream text;
            text << in.rdbuf();
            rules += text.str();
        }
        std::ofstream(hba, std::ios::trunc) << rules;  // the file keeps its owner
        run({(bin_ / "pg_ctl").string(), "-D", data().string(), "reload"}, "pg_ctl reload");
    }
    const char* superuser() const { return kUser; }

    // A new, empty database; its URI.
    std::string createDatabase() {
        std::string name = "journal_" + std::to_string(++databases_);
        run({(bin_ / "createdb").string(), "-h", folder_.path().string(), "-U", kUser, name}, "createdb");
        return uri(name);
    }
    std::string uri(const std::string& database) const {
        return "postgresql://" + std::string(kUser) + "@/" + database + "?host=" + folder_.path().string();
    }
    std::string log() const {
        std::ifstream in(folder_ / "server.log");
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

private:
    static constexpr const char* kUser = "madoguchi";

    static bool complete(const std::filesystem::path& bin) {
        for (const char* program : {"initdb", "pg_ctl", "postgres", "createdb"})
            if (access((bin / program).c_str(), X_OK) != 0) return false;
        return true;
    }
    static std::filesystem::path requiredBinFolder() {
        auto bin = binFolder();
        if (!bin) throw std::runtime_error("the PostgreSQL server programs are not installed (postgresql-15)");
        return *bin;
    }
    std::filesystem::path data() const { return folder_ / "data"; }

    // A child that waits for this process to end (the pipe's write end closes with it), then
    // stops the server at once and removes the folder. The write end is close-on-exec, so the
    // programs the tests start do not hold it.
    void startGuardian() {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        std::vector<std::string> stop{(bin_ / "pg_ctl").string(), "-D", data().string(), "-m", "immediate", "stop"};
        if (!runAs_.empty()) stop.insert(stop.begin(), {"runuser", "-u", runAs_, "--"});
        guardian_ = fork();
        if (guardian_ < 0) throw std::runtime_error("fork failed");
        if (guardian_ == 0) {
            close(fds[1]);
            char byte;
            while (read(fds[0], &byte, 1) != 0 && errno == EINTR) {
            }
            if (access((folder_ / "data" / "postmaster.pid").c_str(), F_OK) == 0) {
                pid_t stopper = fork();
                if (stopper == 0) {
                    if (chdir(folder_.path().c_str()) != 0) _exit(126);
                    const int null = ::open("/dev/null", O_WRONLY);
                    dup2(null, STDOUT_FILENO);
                    dup2(null, STDERR_FILENO);
                    std::vector<char*> args;
                    for (auto& a : stop) args.push_back(a.data());
                    args.push_back(nullptr);
                    execvp(args[0], args.data());
                    _exit(127);
                }
                waitpid(stopper, nullptr, 0);
            }
            std::error_code ignored;
            std::filesystem::remove_all(folder_.path(), ignored);
            _exit(0);
        }
        close(fds[0]);
        lifeline_ = fds[1];
    }

    // Runs a server program (as nobody when root), its output to the folder's log; throws when it fails.
    void run(std::vector<std::string> argv, const std::string& what) {
        if (!runAs_.empty()) argv.insert(argv.begin(), {"runuser", "-u", runAs_, "--"});
        const auto output = folder_ / "commands.log";
        pid_t pid = fork();
        if (pid < 0) throw std::runtime_error("fork failed");
        if (pid == 0) {
            // The server's user may not enter the test's working folder (a checkout under /root).
            if (chdir(folder_.path().c_str()) != 0) _exit(126);
            FILE* out = std::fopen(output.c_str(), "a");
            if (out) {
                dup2(fileno(out), STDOUT_FILENO);
                dup2(fileno(out), STDERR_FILENO);
            }
            std::vector<char*> args;
            for (auto& a : argv) args.push_back(a.data());
            args.push_back(nullptr);
            execvp(args[0], args.data());
            _exit(127);
        }
        int status = 0;
        while (waitpid(pid, &status, 0) < 0) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::ifstream in(output);
            std::ostringstream text;
            text << in.rdbuf();
            throw std::runtime_error(what + " failed: " + text.str() + log());
        }
    }

    std::filesystem::path bin_;
    TempFolder folder_{"madoguchi-pg"};
    std::string runAs_;
    bool running_ = false;
    int databases_ = 0;
    pid_t guardian_ = -1;
    int lifeline_ = -1;
};

}  // namespace madoguchi::test
