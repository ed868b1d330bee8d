// bench_gui: (1) cold start to first paint of `madoguchi --demo` (a fresh process each run, until
// the window's first paint event); (2) face/ file landing → the patient in the queue, in-process
// through the demo's real folder watcher and the window's event loop, twice: with face/'s inotify
// events (folder_watch "auto", a local folder) and with polling forced (folder_watch "polling":
// a scan every 50 ms, each new file read twice 40 ms apart), the two runs taking turns in rounds
// of 5 faces. Prints p50 / p95 of each.
// Usage: bench_gui [--starts N] [--faces N]   (needs a display; see run_gui_bench.sh)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/init.h>

#include "gui/app/reception_frame.h"
#include "gui/app/utf8_locale.h"
#include "gui/demo/demo_environment.h"
#include "gui/reception/queue_panel.h"

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

// One `madoguchi --demo` from fork to its "first-paint" line.
double coldStartOnce() {
    int out[2];
    if (pipe(out) != 0) return -1;
    const auto started = Steady::now();
    pid_t child = fork();
    if (child == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        setenv("MADOGUCHI_BENCH_FIRST_PAINT", "1", 1);
        execl(MADOGUCHI_GUI_BINARY, MADOGUCHI_GUI_BINARY, "--demo", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    const double ms = Ms(Steady::now() - started).count();
    close(out[0]);
    waitpid(child, nullptr, 0);
    return line == "first-paint" ? ms : -1;
}

void pump() {
    wxTheApp->ProcessPendingEvents();
    if (wxEventLoopBase* loop = wxEventLoopBase::GetActive()) loop->YieldFor(wxEVT_CATEGORY_ALL);
    wxTheApp->ProcessIdle();
}

// `count` faces through a fresh demo window whose face/ is watched as `folderWatch` says.
std::vector<double> faceToQueue(int count, const char* folderWatch, int firstPerson) {
    using namespace madoguchi;
    std::vector<double> ms;
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
        const auto& person = people[static_cast<std::size_t>(firstPerson + i) % people.size()];
        const auto landed = Steady::now();
        if (!demo->dropFaceResult(person.id, IdentityMethod::Face)) continue;
        while (frame->queuePanel()->rowCount() == before && Ms(Steady::now() - landed).count() < 10000) {
            pump();
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (frame->queuePanel()->rowCount() > before) ms.push_back(Ms(Steady::now() - landed).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // a new person each time: no duplicate content
    }
    frame->Destroy();
    pump();
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    int starts = 5, faces = 20;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--starts") == 0) starts = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--faces") == 0) faces = std::atoi(argv[++i]);
    }
    if (!std::getenv("DISPLAY")) {
        std::cerr << "bench_gui needs a display: run bench/gui/run_gui_bench.sh\n";
        return 2;
    }
    std::vector<double> cold;
    for (int i = 0; i < starts; ++i)
        if (double ms = coldStartOnce(); ms >= 0) cold.push_back(ms);
    report("cold start to first paint (--demo)", cold);

    madoguchi::gui::ensureUtf8CharacterSet();
    wxApp::SetInstance(new wxApp);
    int wxArgc = 1;
    char* wxArgv[] = {argv[0], nullptr};
    if (!wxEntryStart(wxArgc, wxArgv)) return 1;
    wxTheApp->CallOnInit();
    wxGUIEventLoop loop;
    wxEventLoopBase::SetActive(&loop);
    std::vector<double> events, polling;
    for (int done = 0; done < faces; done += 5) {  // the two take turns, so both see the same load
        const int round = std::min(5, faces - done);
        for (double ms : faceToQueue(round, "auto", done)) events.push_back(ms);
        for (double ms : faceToQueue(round, "polling", done)) polling.push_back(ms);
    }
    report("face file → queue, inotify events", events);
    report("face file → queue, polling 50 ms", polling);
    wxEventLoopBase::SetActive(nullptr);
    wxEntryCleanup();
    return 0;
}
