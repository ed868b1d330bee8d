// bench_gateway [--seconds S] [--drops N] [--poll-ms P] [--anchor-us A]
//   1. Result parse throughput (files/s, MB/s, µs per file) of parseResultXml for a typical single
//      照会 result (also re-encoded in Shift_JIS, as two of three deployed terminals write) and a
//      1,000-person result, written by our own writer (resultXml) from the demo dataset; beside
//      each, the floor: bare libexpat over the same (UTF-8) bytes with empty
//      callbacks (a parser made, the bytes parsed, the parser freed), and the ratio. The anchor
//      (myclinic-ts's fast-xml-parser on the same file, measured with node elsewhere: it is not a
//      Debian package) is given in µs with --anchor-us and printed with its ratio.
//   2. face/ drop-to-event latency: N results written atomically into a real face/ folder, one at
//      a time; a watcher thread polls FaceFolderWatcher every P ms (then, second run, waits for
//      inotify events and take()s the file); p50/p95/max from the rename to the hand-over.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <expat.h>
#include <time.h>
#include <unistd.h>

#include "app/resources.h"
#include "devices/gateway/demo_dataset.h"
#include "devices/gateway/face_folder_watcher.h"
#include "devices/gateway/folder_events.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/request_encoding.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"

using namespace madoguchi;
using namespace madoguchi::gateway;
using SteadyClock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5)];
}

int option(int argc, char** argv, const std::string& name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return std::max(1, std::stoi(argv[i + 1]));
    return fallback;
}

// A 1,000-person answer: the dataset's people over and over, each with its own number.
EligibilityResult thousandPersonResult(const DemoDataset& dataset) {
    EligibilityResult result = answerFor(dataset.people().front(), "20261125093000", false);
    result.results.clear();
    for (int i = 0; i < 1000; ++i) {
        const auto& person = dataset.people()[static_cast<std::size_t>(i) % dataset.people().size()];
        QualificationRecord record = person.record();
        record.insuredIdentificationNumber = std::to_string(100000 + i);
        result.results.push_back(record);
    }
    return result;
}

// This thread's CPU time in µs: on a shared machine the wall clock counts the other processes' turns.
double threadCpuMicroseconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

// Runs `parse` over and over for `seconds` of wall time; the mean CPU time per call in µs.
template <class Parse>
double microsecondsPerParse(Parse parse, double seconds, long& runs) {
    runs = 0;
    const auto until = SteadyClock::now() + std::chrono::duration<double>(seconds);
    const double start = threadCpuMicroseconds();
    while (SteadyClock::now() < until) {
        parse();
        ++runs;
    }
    return (threadCpuMicroseconds() - start) / static_cast<double>(runs);
}

// The floor: libexpat alone, callbacks that do nothing, a parser made, used and freed per file
// (`reused`: one parser reset with XML_ParserReset per file, as readXmlMessage keeps one;
// `salted`: besides, the parser given a hash salt, as readXmlMessage gives its thread's, so that
// expat does not draw one from the system per file).
bool bareExpat(const std::string& xml, bool reused, bool salted = false) {
    static XML_Parser kept = XML_ParserCreate("UTF-8");
    XML_Parser parser = reused ? kept : XML_ParserCreate("UTF-8");
    if (reused) XML_ParserReset(parser, "UTF-8");
    if (salted) XML_SetHashSalt(parser, 0x5eed5eedUL);
    XML_SetElementHandler(parser, [](void*, const XML_Char*, const XML_Char**) {}, [](void*, const XML_Char*) {});
    XML_SetCharacterDataHandler(parser, [](void*, const XML_Char*, int) {});
    const bool parsed = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK;
    if (!reused) XML_ParserFree(parser);
    return parsed;
}

// `floorXml`: the bytes bare expat reads, the same document in UTF-8 (expat cannot read Shift_JIS
// itself: converting it is our work).
void parseThroughput(const char* label, const std::string& xml, const std::string& floorXml, const CodeTables& codes,
                     double seconds, double anchorMicroseconds) {
    if (!parseResultXml(xml, codes) || !bareExpat(floorXml, false) || !bareExpat(floorXml, true)) {
        std::fprintf(stderr, "bench_gateway: the %s result does not parse\n", label);
        std::exit(1);
    }
    long files = 0, floorRuns = 0;
    const double ours = microsecondsPerParse([&] { if (!parseResultXml(xml, codes)) std::exit(1); }, seconds, files);
    const double floor = microsecondsPerParse([&] { if (!bareExpat(floorXml, false)) std::exit(1); }, seconds, floorRuns);
    const double reusedFloor = microsecondsPerParse([&] { if (!bareExpat(floorXml, true)) std::exit(1); }, seconds, floorRuns);
    const double saltedFloor =
        microsecondsPerParse([&] { if (!bareExpat(floorXml, true, true)) std::exit(1); }, seconds, floorRuns);
    std::printf("parse %-22s %9zu bytes  %10.1f files/s  %7.1f MB/s of CPU  (%ld parses)\n", label, xml.size(),
                1e6 / ours, static_cast<double>(xml.size()) / ours, files);
    std::printf("      %-22s ours %.1f us CPU/file, floor (bare expat) %.1f us: %.2fx the floor; "
                "bare expat with a reused parser %.1f us: %.2fx", "", ours, floor, ours / floor, reusedFloor,
                ours / reusedFloor);
    std::printf("; reused and salted %.1f us: %.2fx", saltedFloor, ours / saltedFloor);
    if (anchorMicroseconds > 0)
        std::printf(", anchor (myclinic-ts) %.1f us/file: %.2fx faster", anchorMicroseconds, anchorMicroseconds / ours);
    std::printf("\n");
}

enum class Watch { Polling, Events };

void faceLatency(const DemoDataset& dataset, const CodeTables& codes, int drops, int pollMs, Watch watch) {
    const fs::path face = fs::temp_directory_path() / ("madoguchi-bench-face-" + std::to_string(::getpid()));
    fs::create_directories(face);
    std::mutex mutex;
    std::map<std::string, SteadyClock::time_point> emitted;
    std::atomic<bool> running{true};
    std::thread watcher([&] {
        FaceFolderWatcher folder(face, codes);
        FolderEvents events(folder.folders(), watch == Watch::Events ? FolderWatchMode::Automatic : FolderWatchMode::Polling);
        const auto note = [&](const std::vector<FaceResult>& results) {
            std::lock_guard lock(mutex);
            for (const auto& result : results) emitted[result.fileName] = SteadyClock::now();
        };
        note(folder.poll());
        while (running) {
            if (events.eventsArrive()) {
                note(folder.take(events.completedFiles(std::chrono::milliseconds(100))));
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(pollMs));
                note(folder.poll());
            }
        }
    });
    std::vector<double> ms;
    auto stamp = *LocalDateTime::parseIso("2026-11-25T09:00:00");
    for (int i = 0; i < drops; ++i) {
        const auto& person = dataset.people()[static_cast<std::size_t>(i) % dataset.people().size()];
        stamp.second = i % 60;
        stamp.minute = i / 60 % 60;
        const std::string name = "OQSsiquc01res_face_face_" + person.id + "_" + stamp.compact() + ".xml";
        const std::string xml = resultXml(answerFor(person, stamp.compact(), true));
        std::this_thread::sleep_for(std::chrono::milliseconds(7 + i % 11));  // drops land at any point of a poll cycle
        const auto dropped = SteadyClock::now();
        writeFileAtomically(face / name, xml);
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (auto found = emitted.find(name); found != emitted.end()) {
                    ms.push_back(std::chrono::duration<double, std::milli>(found->second - dropped).count());
                    break;
                }
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    }
    running = false;
    watcher.join();
    fs::remove_all(face);
    const std::string how = watch == Watch::Events ? "inotify events" : "poll every " + std::to_string(pollMs) + " ms";
    std::printf("face/ drop to event: %d drops, %s: p50 %.1f ms  p95 %.1f ms  max %.1f ms\n", drops, how.c_str(),
                percentile(ms, 0.5), percentile(ms, 0.95), *std::max_element(ms.begin(), ms.end()));
}

}  // namespace

int main(int argc, char** argv) {
    const int seconds = option(argc, argv, "--seconds", 3);
    const int drops = option(argc, argv, "--drops", 200);
    const int pollMs = option(argc, argv, "--poll-ms", 10);
    const int anchorMicroseconds = option(argc, argv, "--anchor-us", 0);
    auto codes = app::loadCodeTables();
    if (!codes) {
        std::fprintf(stderr, "bench_gateway: %s\n", codes.problem().message.c_str());
        return 1;
    }
    auto dataset = DemoDataset::load(app::resourcePath("demo/oqs_dataset.json"), codes.value());
    if (!dataset) {
        std::fprintf(stderr, "bench_gateway: %s\n", dataset.problem().message.c_str());
        return 1;
    }
    const std::string single = resultXml(answerFor(dataset.value().people().front(), "20261125093000", false));
    const std::string bulk = resultXml(thousandPersonResult(dataset.value()));
    const auto singleShiftJis = encodeMessage(single, PrologEncoding::ShiftJis);
    if (!singleShiftJis) {
        std::fprintf(stderr, "bench_gateway: %s\n", singleShiftJis.problem().message.c_str());
        return 1;
    }
    parseThroughput("single result", single, single, codes.value(), seconds, anchorMicroseconds);
    parseThroughput("single, Shift_JIS", singleShiftJis.value(), single, codes.value(), seconds, 0);
    parseThroughput("1,000-person result", bulk, bulk, codes.value(), seconds, 0);
    faceLatency(dataset.value(), codes.value(), drops, pollMs, Watch::Polling);
    faceLatency(dataset.value(), codes.value(), drops, pollMs, Watch::Events);
    return 0;
}
