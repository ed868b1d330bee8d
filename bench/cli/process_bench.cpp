// Whole-process figures next to a floor: runs each command as a fresh process, in turn (A B C …
// A B C …, so a drifting machine weighs on all alike), after one warm-up each, and prints the
// median CPU (user + sys), wall time and peak RSS from the kernel's accounting of each finished
// child (wait4), and each command's CPU as a multiple of the first one's (the floor), pair by
// pair, median.
//   bench_processes RUNS NAME -- COMMAND ARGS… ';' NAME -- COMMAND ARGS… ';' …
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Command {
    std::string name;
    std::vector<std::string> words;
    std::vector<double> cpuMs, wallMs, rssMiB;
};

struct Run {
    double cpuMs, wallMs, rssMiB;
};

Run runOnce(const Command& command) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        const int devnull = ::open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        std::vector<char*> argv;
        for (const auto& word : command.words) argv.push_back(const_cast<char*>(word.c_str()));
        argv.push_back(nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    const double wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        std::fprintf(stderr, "warning: %s exited with status %d\n", command.name.c_str(), WEXITSTATUS(status));
    auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return {ms(usage.ru_utime) + ms(usage.ru_stime), wall, usage.ru_maxrss / 1024.0};
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_processes RUNS NAME -- COMMAND ARGS... ';' NAME -- COMMAND ... (the first is the floor)\n");
        return 2;
    }
    const int runs = std::atoi(argv[1]);
    std::vector<Command> commands;
    for (int i = 2; i < argc;) {
        Command command{argv[i], {}, {}, {}, {}};
        i += 2;  // the name and "--"
        while (i < argc && std::string(argv[i]) != ";") command.words.push_back(argv[i++]);
        ++i;
        commands.push_back(std::move(command));
    }
    for (auto& command : commands) runOnce(command);  // warm-up: caches, the page cache
    for (int r = 0; r < runs; ++r)
        for (auto& command : commands) {
            const Run run = runOnce(command);
            command.cpuMs.push_back(run.cpuMs);
            command.wallMs.push_back(run.wallMs);
            command.rssMiB.push_back(run.rssMiB);
        }
    std::printf("%-46s %9s %9s %9s %12s\n", "command (median of runs)", "CPU ms", "wall ms", "peak MiB", "CPU / floor");
    for (const auto& command : commands) {
        std::vector<double> ratios;
        for (int r = 0; r < runs; ++r) ratios.push_back(command.cpuMs[r] / commands.front().cpuMs[r]);
        std::printf("%-46s %9.1f %9.1f %9.1f %11.1fx\n", command.name.c_str(), median(command.cpuMs),
                    median(command.wallMs), median(command.rssMiB), median(ratios));
    }
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::printf("runs: %d each, in turn; load average %.1f %.1f %.1f\n", runs, load[0], load[1], load[2]);
    return 0;
}
