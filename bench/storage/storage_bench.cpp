// bench_storage [--dir DIR] [--only clinic|hospital] [--server URI] [--runs N] [--existing]: over a
// generated year of a busy clinic (~40,000 visits) and of a large hospital (~1,000,000 visits), on
// SQLite (a file in DIR) and, with --server, on PostgreSQL too (URI: a scratch database: its public
// schema is dropped and made anew for each profile), side by side, prints
//  - the time to generate and write the year (one transaction per day),
//  - the commit latency of single visits as the window saves them (synchronous=FULL: fsync), p50/p95,
//  - the daily, follow-up and usage reports: time and peak memory (ru_maxrss), each beside its
//    floor (report_floors.h: the same numbers by a hand-written query through the engine's C API)
//    and the ratio, each with its CPU time (the machine may be shared: the wall time waits for a core).
// Each report and each floor runs in a fresh process (this program, `report` / `floor` mode) so its
// peak memory is its own; the median of N runs (default 5) is printed, the report and its floor
// taken in turn. --existing: DIR/bench-<profile>.sqlite3 and the server already hold the year
// (an earlier run with --existing's files, or `madoguchi-cli journal generate` with seed 7 and
// the profile's size): nothing is generated, committed or removed.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/resources.h"
#include "platform/heap_pages.h"
#include "report_floors.h"
#include "app/visit_generator.h"
#include "domain/manager_desk.h"
#include "storage/open_database.h"
#include "storage/visit_journal.h"

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

struct Profile {
    const char* name;
    int perDay;  // 365 days
};
const Profile kProfiles[] = {{"clinic", 110}, {"hospital", 2740}};
const Date kStart = *Date::fromYmd(2025, 1, 1);
constexpr int kDays = 365;
constexpr int kCommits = 200;
const StaffMember kManager{"bench", "benchmark", StaffRole::Manager};

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5)];
}

// `report` mode: one report on an existing journal, in this fresh process.
int runReport(const std::string& kind, const std::string& db) {
    storage::FacilityJournal journal(db);
    auto tiers = app::loadBonusTierTable();
    if (!tiers) throw std::runtime_error(tiers.problem().message);
    auto start = Clock::now();
    const double cpuStart = bench::cpuMsSoFar();
    std::size_t rows = 0;
    if (kind == "daily") {
        auto report = dailyReport(kManager, journal, *Date::fromYmd(2025, 6, 2));
        rows = report.value().visits.size();
    } else if (kind == "followup") {
        rows = followUpList(kManager, journal).value().size();
    } else if (kind == "usage") {
        auto report = usageReport(kManager, journal, *Date::fromYmd(2025, 11, 1), tiers.value());
        rows = static_cast<std::size_t>(report.value().month.patientsSeen);
    } else {
        throw std::invalid_argument("report: daily, followup or usage");
    }
    double ms = msSince(start), cpuMs = bench::cpuMsSoFar() - cpuStart;
    std::printf("%.1f %.1f %zu %ld\n", ms, cpuMs, rows, peakRssKb());
    return 0;
}

// `floor` mode: the report's floor (report_floors.h) on an existing journal, in this fresh process.
int runFloor(const std::string& kind, const std::string& db) {
    const bench::FloorRun run = storage::isServerLocation(db) ? bench::postgresFloor(kind, db) : bench::sqliteFloor(kind, db);
    std::printf("%.1f %.1f %zu %ld\n", run.ms, run.cpuMs, run.rows, peakRssKb());
    return 0;
}

struct ReportFigures {
    double ms = 0;
    double cpuMs = 0;
    std::size_t rows = 0;
    long peakKb = 0;
};

// One run of `mode` (report or floor) in a fresh process.
ReportFigures measureOnce(const std::string& self, const std::string& mode, const std::string& kind,
                          const std::string& db) {
    std::string command = "'" + self + "' " + mode + " " + kind + " '" + db + "'";
    FILE* child = popen(command.c_str(), "r");
    ReportFigures figures;
    if (!child || std::fscanf(child, "%lf %lf %zu %ld", &figures.ms, &figures.cpuMs, &figures.rows, &figures.peakKb) != 4)
        throw std::runtime_error("the " + mode + " process failed: " + command);
    pclose(child);
    return figures;
}

// The report and its floor, `runs` times each in turn: the median time, the largest peak memory.
std::pair<ReportFigures, ReportFigures> measureBesideFloor(const std::string& self, const std::string& kind,
                                                           const std::string& floorKind, const std::string& db, int runs) {
    std::vector<double> reportMs, floorMs, reportCpuMs, floorCpuMs;
    ReportFigures report, floor;
    for (int run = 0; run < runs; ++run) {
        ReportFigures r = measureOnce(self, "report", kind, db), f = measureOnce(self, "floor", floorKind, db);
        reportMs.push_back(r.ms);
        floorMs.push_back(f.ms);
        reportCpuMs.push_back(r.cpuMs);
        floorCpuMs.push_back(f.cpuMs);
        report = {0, 0, r.rows, std::max(report.peakKb, r.peakKb)};
        floor = {0, 0, f.rows, std::max(floor.peakKb, f.peakKb)};
    }
    report.ms = percentile(reportMs, 0.5);
    floor.ms = percentile(floorMs, 0.5);
    report.cpuMs = percentile(reportCpuMs, 0.5);
    floor.cpuMs = percentile(floorCpuMs, 0.5);
    return {report, floor};
}

void printReports(const std::string& self, const Profile& profile, const char* engine, const std::string& db, int runs) {
    const std::pair<const char*, const char*> kinds[] = {
        {"daily", "daily"}, {"daily", "daily-rows"}, {"followup", "followup"}, {"followup", "followup-rows"}, {"usage", "usage"}, {"usage", "usage-visits"}};
    for (const auto& [kind, floorKind] : kinds) {
        auto [report, floor] = measureBesideFloor(self, kind, floorKind, db, runs);
        std::printf("%s/%s: %-8s report %8.1f ms (CPU %7.1f), %7zu rows, peak RSS %6.1f MiB | floor %-13s %8.1f ms "
                    "(CPU %7.1f), %7zu rows, peak RSS %6.1f MiB | ratio %5.2f (CPU %5.2f)\n",
                    profile.name, engine, kind, report.ms, report.cpuMs, report.rows,
                    static_cast<double>(report.peakKb) / 1024.0, floorKind, floor.ms, floor.cpuMs, floor.rows,
                    static_cast<double>(floor.peakKb) / 1024.0, floor.ms > 0 ? report.ms / floor.ms : 0.0,
                    floor.cpuMs > 0 ? report.cpuMs / floor.cpuMs : 0.0);
        std::fflush(stdout);
    }
}

void removeJournal(const std::string& db) {
    if (storage::isServerLocation(db)) {
        auto server = storage::openDatabase(db);
        server->execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        return;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

double journalMiB(const std::string& db) {
    if (!storage::isServerLocation(db)) return static_cast<double>(std::filesystem::file_size(db)) / (1024.0 * 1024.0);
    auto server = storage::openDatabase(db);  // outlives its statement
    auto size = server->prepare("SELECT pg_database_size(current_database())");
    size.step();
    return static_cast<double>(size.integer(0)) / (1024.0 * 1024.0);
}

void generateAndCommit(const Profile& profile, const std::string& db, const char* engine) {
    removeJournal(db);
    long visits = static_cast<long>(profile.perDay) * kDays;

    auto start = Clock::now();
    {
        storage::FacilityJournal journal(db);
        app::VisitGenerator generator(7, static_cast<int>(visits / 6));
        for (int d = 0; d < kDays; ++d) {
            auto written = journal.recordVisits(generator.day(kStart.plusDays(d), profile.perDay));
            if (!written) throw std::runtime_error(written.problem().message);
        }
    }
    double generateMs = msSince(start);

    std::vector<double> commits;
    {
        storage::FacilityJournal journal(db);
        app::VisitGenerator generator(8, 1000);
        auto day = generator.day(*Date::fromYmd(2026, 1, 5), kCommits);
        for (auto& visit : day) {
            visit.visitId = "B-" + visit.visitId;
            auto begin = Clock::now();
            auto saved = journal.recordVisit(visit);
            commits.push_back(msSince(begin));
            if (!saved) throw std::runtime_error(saved.problem().message);
        }
    }
    std::printf("%s/%s: %ld visits, journal %.0f MiB, generated in %.1f s (%.0f visits/s)\n", profile.name, engine,
                visits, journalMiB(db), generateMs / 1000.0, static_cast<double>(visits) / (generateMs / 1000.0));
    std::printf("%s/%s: single visit commit (fsync), %d commits: p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
                profile.name, engine, kCommits, percentile(commits, 0.50), percentile(commits, 0.95),
                percentile(commits, 1.0));
    std::fflush(stdout);
}

void runProfile(const std::string& self, const Profile& profile, const std::string& db, int runs, bool existing) {
    const char* engine = storage::isServerLocation(db) ? "postgres" : "sqlite";
    if (existing) {
        auto start = Clock::now();
        storage::FacilityJournal journal(db);  // an older journal is migrated here (its counts filled)
        std::printf("%s/%s: existing journal, %.0f MiB, opened (and migrated) in %.1f s\n", profile.name, engine,
                    journalMiB(db), msSince(start) / 1000.0);
    } else {
        generateAndCommit(profile, db, engine);
    }
    printReports(self, profile, engine, db, runs);
    if (!existing) removeJournal(db);
}

}  // namespace

int main(int argc, char** argv) {
    // Each report and each floor runs in a process set up as the programs that read reports are
    // (madoguchi-cli, the window): the heap on huge pages (platform/heap_pages.h).
    madoguchi::platform::heapOnHugePages(64u << 20);
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        if (args.size() == 3 && args[0] == "report") return runReport(args[1], args[2]);
        if (args.size() == 3 && args[0] == "floor") return runFloor(args[1], args[2]);
        if (!std::getenv("MADOGUCHI_RESOURCES")) setenv("MADOGUCHI_RESOURCES", MADOGUCHI_RESOURCES_DIR, 0);
        std::filesystem::path dir = std::filesystem::temp_directory_path() / "madoguchi-bench-storage";
        std::string only, server;
        int runs = 5;
        bool existing = false;
        for (std::size_t i = 0; i < args.size(); ++i) {
            const bool hasValue = i + 1 < args.size();
            if (args[i] == "--existing") existing = true;
            else if (args[i] == "--dir" && hasValue) dir = args[++i];
            else if (args[i] == "--only" && hasValue) only = args[++i];
            else if (args[i] == "--server" && hasValue) server = args[++i];
            else if (args[i] == "--runs" && hasValue) runs = std::max(1, std::stoi(args[++i]));
            else
                throw std::invalid_argument("usage: bench_storage [--dir DIR] [--only clinic|hospital] [--server URI] "
                                            "[--runs N] [--existing]");
        }
        if (!server.empty() && !storage::isServerLocation(server))
            throw std::invalid_argument("--server takes a postgresql:// URI");
        std::filesystem::create_directories(dir);
        std::string self = std::filesystem::canonical("/proc/self/exe").string();
        for (const Profile& profile : kProfiles) {
            if (!only.empty() && only != profile.name) continue;
            runProfile(self, profile, (dir / (std::string("bench-") + profile.name + ".sqlite3")).string(), runs, existing);
            if (!server.empty()) runProfile(self, profile, server, runs, existing);
        }
    } catch (const std::exception& error) {
        std::cerr << "bench_storage: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
