#pragma once
// The floor of each manager report: the same numbers from the same journal by one hand-written
// query through the engine's own C API (sqlite3, libpq), every column of every row read, nothing
// else (no objects, no domain). The days are the benchmark's: the daily log of 2025-06-02, the
// follow-up list of the whole journal, the usage of 2025-06..2025-11 (the report of 2025-11).
#include <cstddef>
#include <string>

namespace madoguchi::bench {

// kind: daily, followup, followup-rows (the follow-up list's rows without the patients' names and
// the remarks: the least any follow-up list reads), usage (the counts of usage_months, as the report reads them) or
// usage-visits (the same numbers counted from the visits with COUNT(DISTINCT …), no summary).
// The time counts from after the file is opened (the server connected) to the last row read, as
// the report's counts from after the journal is opened.
struct FloorRun {
    double ms = 0;
    std::size_t rows = 0;  // rows read (daily, followup) or patients seen in 2025-11 (usage, usage-visits)
};
FloorRun sqliteFloor(const std::string& kind, const std::string& file);
FloorRun postgresFloor(const std::string& kind, const std::string& uri);

}  // namespace madoguchi::bench
