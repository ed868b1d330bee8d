#pragma once
// The floor of each manager report: the same numbers from the same journal by one hand-written
// query through the engine's own C API (sqlite3, libpq), every column of every row read, nothing
// else (no objects, no domain). The days are the benchmark's: the daily log of 2025-06-02, the
// follow-up list of the whole journal, the usage of 2025-06..2025-11 (the report of 2025-11).
#include <chrono>
#include <cstddef>
#include <ctime>
#include <string>

namespace madoguchi::bench {

// kind: daily and followup (every row joined to its patient and its remarks, as a person would
// write it), daily-rows and followup-rows (the rows' own columns, the patient's name carried by the
// visit since schema 9, no remarks: read from their covering indexes, the least any such list reads), usage (the counts of usage_months, as the report reads them) or
// usage-visits (the same numbers counted from the visits with COUNT(DISTINCT …), no summary).
// The time counts from after the file is opened (the server connected) to the last row read, as
// the report's counts from after the journal is opened.
struct FloorRun {
    double ms = 0;
    double cpuMs = 0;      // this process's CPU time over the same span (on a server: the client's only)
    std::size_t rows = 0;  // rows read (daily, followup) or patients seen in 2025-11 (usage, usage-visits)
};
// The CPU time this process has used so far (user and system), in ms: beside each wall time, since
// the machine is shared and the wall time includes waiting for a core.
inline double cpuMsSoFar() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

FloorRun sqliteFloor(const std::string& kind, const std::string& file);
FloorRun postgresFloor(const std::string& kind, const std::string& uri);

}  // namespace madoguchi::bench
