// bench_gui: (1) cold start to first paint of `madoguchi --demo` next to its floor, a bare
// wxWidgets frame (bench_floor_window), and optionally a second build of madoguchi (--baseline,
// e.g. main's, for before/after): a fresh process each run, the programs taking turns (A B F,
// B F A, …) so they see the same load; per program the wall time to the "first-paint" line
// (p50 / p95), the whole process's CPU (user + sys, from wait4: start, first paint and quitting)
// and peak RSS, and the ratio to the floor (of the medians, and the median of the per-round
// ratios). (2) The idle footprint: each program started without the first-paint switch, left
// alone --idle seconds (default 8), then its VmRSS / VmHWM and the shared libraries it maps
// (/proc/PID). (3) face/ file landing → the patient in the queue, in-process through the demo's
// real folder watcher and the window's event loop, twice: with face/'s inotify events
// (folder_watch "auto", a local folder) and with polling forced (folder_watch "polling": a scan
// every 50 ms, each new file read twice 40 ms apart), the two runs taking turns in rounds of 5
// faces; each also for the faces alone that found the window idle and so start a reception (the
// window draws the patient's step screen in the same turn). Prints the load average first; never
// asserts anything.
// Usage: bench_gui [--starts N] [--idle SECONDS] [--faces N] [--baseline PATH-TO-MADOGUCHI]
//        (needs a display; see run_gui_bench.sh)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <csignal>
#include <fstream>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/init.h>

#include "gui/app/reception_frame.h"
#include "gui/app/utf8_locale.h"
#include "gui/demo/demo_environment.h"
#include "gui/reception/queue_panel.h"
#include "gui/reception/reception_flow.h"

using Steady = std::chrono::steady_clock;
using Ms = std::chrono::duration<double, std::milli>;

namespace {

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    std::size_t index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values.at(std::min(index, values.size() - 1));
}

void report(const char* what, const std::vector<double>& ms) {
    if (ms.empty()) return;
    std::printf("%-34s n=%-3zu p50=%8.1f ms  p95=%8.1f ms  min=%8.1f ms  max=%8.1f ms\n", what, ms.size(),
                percentile(ms, 0.5), percentile(ms, 0.95), *std::min_element(ms.begin(), ms.end()),
                *std::max_element(ms.begin(), ms.end()));
}

struct Program {
    std::string name;
    std::string path;
    std::vector<std::string> arguments;
};

struct ColdStart {
    double wallMs = -1;  // fork → the "first-paint" line
    double cpuMs = 0;    // user + sys of the whole process
    double peakMiB = 0;  // ru_maxrss
};

pid_t spawn(const Program& program, bool firstPaint, int stdoutFd) {
    pid_t child = fork();
    if (child != 0) return child;
    if (stdoutFd >= 0) dup2(stdoutFd, STDOUT_FILENO);
    const int quiet = open("/dev/null", O_WRONLY);
    if (quiet >= 0) dup2(quiet, STDERR_FILENO);
    if (firstPaint) setenv("MADOGUCHI_BENCH_FIRST_PAINT", "1", 1);
    else unsetenv("MADOGUCHI_BENCH_FIRST_PAINT");
    std::vector<char*> argv{const_cast<char*>(program.path.c_str())};
    for (const auto& argument : program.arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    execv(program.path.c_str(), argv.data());
    _exit(127);
}

// One fresh process from fork to its "first-paint" line; CPU and peak RSS once it has quit.
ColdStart coldStartOnce(const Program& program) {
    ColdStart run;
    int out[2];
    if (pipe(out) != 0) return run;
    const auto started = Steady::now();
    const pid_t child = spawn(program, true, out[1]);
    close(out[1]);
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    const double ms = Ms(Steady::now() - started).count();
    close(out[0]);
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    if (line != "first-paint") return run;
    run.wallMs = ms;
    run.cpuMs = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
    run.peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return run;
}

double median(std::vector<double> values) { return values.empty() ? 0 : percentile(std::move(values), 0.5); }

std::string statusField(pid_t pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(field + ":", 0) == 0) return line.substr(field.size() + 1);
    return {};
}

int mappedLibraries(pid_t pid) {
    std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
    std::set<std::string> libraries;
    for (std::string line; std::getline(maps, line);) {
        const auto slash = line.find('/');
        if (slash != std::string::npos && line.find(".so", slash) != std::string::npos) libraries.insert(line.substr(slash));
    }
    return static_cast<int>(libraries.size());
}

// The program left alone `seconds` after its start: resident memory now and at its peak (MiB).
double idleFootprint(const Program& program, int seconds, double floorRss) {
    const pid_t child = spawn(program, false, -1);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const double rss = std::atof(statusField(child, "VmRSS").c_str()) / 1024.0;
    const double hwm = std::atof(statusField(child, "VmHWM").c_str()) / 1024.0;
    const int libraries = mappedLibraries(child);
    kill(child, SIGTERM);
    waitpid(child, nullptr, 0);
    std::printf("idle %-22s RSS %6.1f MiB  peak %6.1f MiB  shared libraries %3d  (after %d s)", program.name.c_str(), rss,
                hwm, libraries, seconds);
    if (floorRss > 0) std::printf(" | RSS ÷ floor %.2f×", rss / floorRss);
    std::printf("\n");
    return rss;
}

// The programs take turns, the order rotating each round; the last program is the floor.
void coldStarts(const std::vector<Program>& programs, int rounds) {
    std::vector<std::vector<ColdStart>> runs(programs.size());
    std::vector<std::vector<double>> ratio(programs.size()), cpuRatio(programs.size());
    for (int round = 0; round < rounds; ++round) {
        std::vector<ColdStart> thisRound(programs.size());
        for (std::size_t k = 0; k < programs.size(); ++k) {
            const std::size_t i = (k + static_cast<std::size_t>(round)) % programs.size();
            thisRound[i] = coldStartOnce(programs[i]);
        }
        const ColdStart& floor = thisRound.back();
        for (std::size_t i = 0; i < programs.size(); ++i) {
            if (thisRound[i].wallMs < 0) continue;
            runs[i].push_back(thisRound[i]);
            if (floor.wallMs > 0) {
                ratio[i].push_back(thisRound[i].wallMs / floor.wallMs);
                cpuRatio[i].push_back(thisRound[i].cpuMs / floor.cpuMs);
            }
        }
    }
    std::vector<double> floorWall, floorCpu;
    for (const auto& run : runs.back()) {
        floorWall.push_back(run.wallMs);
        floorCpu.push_back(run.cpuMs);
    }
    std::printf("cold start to first paint (n per program = rounds that reached first paint)\n");
    for (std::size_t i = 0; i < programs.size(); ++i) {
        std::vector<double> wall, cpu, peak;
        for (const auto& run : runs[i]) {
            wall.push_back(run.wallMs);
            cpu.push_back(run.cpuMs);
            peak.push_back(run.peakMiB);
        }
        if (wall.empty()) {
            std::printf("  %-22s no run reached its first paint\n", programs[i].name.c_str());
            continue;
        }
        std::printf("  %-22s n=%-3zu wall p50 %7.1f ms  p95 %7.1f ms | CPU p50 %6.1f ms | peak RSS p50 %6.1f MiB", programs[i].name.c_str(),
                    wall.size(), percentile(wall, 0.5), percentile(wall, 0.95), median(cpu), median(peak));
        if (i + 1 < programs.size() && !floorWall.empty())
            std::printf(" | ÷ floor: wall %.2f× (pairwise %.2f×), CPU %.2f× (pairwise %.2f×)", median(wall) / median(floorWall),
                        median(ratio[i]), median(cpu) / median(floorCpu), median(cpuRatio[i]));
        std::printf("\n");
    }
}

void pump() {
    wxTheApp->ProcessPendingEvents();
    if (wxEventLoopBase* loop = wxEventLoopBase::GetActive()) loop->YieldFor(wxEVT_CATEGORY_ALL);
    wxTheApp->ProcessIdle();
}

// Face-to-queue times, all of them and those of the faces that found the window idle: those start
// a reception, so the window draws the patient's step screen before the queue shows the row.
struct FaceTimes {
    std::vector<double> all, startingReception;
    void add(const FaceTimes& more) {
        all.insert(all.end(), more.all.begin(), more.all.end());
        startingReception.insert(startingReception.end(), more.startingReception.begin(), more.startingReception.end());
    }
};

// `count` faces through a fresh demo window whose face/ is watched as `folderWatch` says.
FaceTimes faceToQueue(int count, const char* folderWatch, int firstPerson) {
    using namespace madoguchi;
    FaceTimes ms;
    auto environment = gui::DemoEnvironment::create();
    if (!environment) {
        std::cerr << "demo: " << environment.problem().message << "\n";
        return ms;
    }
    gui::DemoEnvironment* demo = environment.value().get();
    demo->settings().folderWatch = folderWatch;
    auto* frame = new gui::ReceptionFrame(nullptr, std::move(environment).value());
    frame->Show();
    for (const auto shown = Steady::now(); Ms(Steady::now() - shown).count() < 500;) {  // the watcher settles
        pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto& people = demo->dataset().people();
    for (int i = 0; i < count; ++i) {
        const int before = frame->queuePanel()->rowCount();
        const bool idle = frame->flow().session() == nullptr;
        const auto& person = people[static_cast<std::size_t>(firstPerson + i) % people.size()];
        const auto landed = Steady::now();
        if (!demo->dropFaceResult(person.id, IdentityMethod::Face)) continue;
        while (frame->queuePanel()->rowCount() == before && Ms(Steady::now() - landed).count() < 10000) {
            pump();
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (frame->queuePanel()->rowCount() > before) {
            const double took = Ms(Steady::now() - landed).count();
            ms.all.push_back(took);
            if (idle) ms.startingReception.push_back(took);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // a new person each time: no duplicate content
    }
    frame->Destroy();
    pump();
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    int starts = 5, faces = 20, idleSeconds = 8;
    std::string baseline;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--starts") == 0) starts = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--faces") == 0) faces = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--idle") == 0) idleSeconds = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--baseline") == 0) baseline = argv[++i];
    }
    if (!std::getenv("DISPLAY")) {
        std::cerr << "bench_gui needs a display: run bench/gui/run_gui_bench.sh\n";
        return 2;
    }
    double load[3] = {};
    if (getloadavg(load, 3) == 3) std::printf("load average %.2f %.2f %.2f on %ld CPUs\n", load[0], load[1], load[2], sysconf(_SC_NPROCESSORS_ONLN));
    std::vector<Program> programs{{"madoguchi --demo", MADOGUCHI_GUI_BINARY, {"--demo"}}};
    if (!baseline.empty()) programs.push_back({"baseline --demo", baseline, {"--demo"}});
    programs.push_back({"floor (bare wx frame)", MADOGUCHI_FLOOR_BINARY, {}});
    if (starts > 0) {
        for (const auto& program : programs) coldStartOnce(program);  // warm-up: the page cache
        coldStarts(programs, starts);
    }
    if (idleSeconds > 0) {
        const double floorRss = idleFootprint(programs.back(), idleSeconds, 0);
        for (std::size_t i = 0; i + 1 < programs.size(); ++i) idleFootprint(programs[i], idleSeconds, floorRss);
    }
    if (faces <= 0) return 0;

    madoguchi::gui::ensureUtf8CharacterSet();
    wxApp::SetInstance(new wxApp);
    int wxArgc = 1;
    char* wxArgv[] = {argv[0], nullptr};
    if (!wxEntryStart(wxArgc, wxArgv)) return 1;
    wxTheApp->CallOnInit();
    wxGUIEventLoop loop;
    wxEventLoopBase::SetActive(&loop);
    FaceTimes events, polling;
    for (int done = 0; done < faces; done += 5) {  // the two take turns, so both see the same load
        const int round = std::min(5, faces - done);
        events.add(faceToQueue(round, "auto", done));
        polling.add(faceToQueue(round, "polling", done));
    }
    report("face file → queue, inotify events", events.all);
    report("  of which starting a reception", events.startingReception);
    report("face file → queue, polling 50 ms", polling.all);
    report("  of which starting a reception", polling.startingReception);
    wxEventLoopBase::SetActive(nullptr);
    wxEntryCleanup();
    return 0;
}
