#pragma once
// Watches face/ for the certified reader's results (OQSsiquc01res_face_…_yyyyMMddHHmmss.xml) and
// hands each new one over once, in arrival order: deduplicated by content hash, tolerant of
// half-written files, and able to remember what it has handed over across restarts. An electronic
// chart sharing face/ may move files to its trash or archive folder within seconds: those folders
// are scanned too. With a clock, the first poll takes only today's files (by the name's stamp) and
// later polls only files stamped within the last few minutes: an old file is not an arrival.
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/eligibility.h"
#include "domain/outcome.h"
#include "domain/ports/clock.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

struct FaceResult {
    std::string fileName;
    std::string timestamp;  // the trailing yyyyMMddHHmmss of the name
    Outcome<EligibilityResult> result = Problem{};
    std::string rawXml;
};

// True for OQSsiquc01res_face_…_yyyyMMddHHmmss.xml; fills the timestamp.
bool isFaceResultName(const std::string& fileName, std::string* timestamp = nullptr);

struct FaceWatchOptions {
    std::vector<std::filesystem::path> otherFolders;  // e.g. the chart's trash folder
    const Clock* clock = nullptr;                     // none: every file, whatever its stamp
    std::chrono::minutes freshFor{5};
};

class FaceFolderWatcher {
public:
    // seenStore: a file listing the content hashes already handed over (empty path: memory only).
    FaceFolderWatcher(std::filesystem::path faceFolder, CodeTables codes, std::filesystem::path seenStore = {},
                      FaceWatchOptions options = {});

    // Every result that appeared since the last poll (and is completely written), oldest first:
    // a scan of the folders, each new file read until two reads 40 ms apart agree.
    std::vector<FaceResult> poll();

    // The results among files the folders' events reported complete (closed after writing or
    // moved in; FolderEvents), read once without the settle wait. Files of other folders and
    // other names are ignored. Call poll() first and then now and again (events can be missed).
    std::vector<FaceResult> take(const std::vector<std::filesystem::path>& completedFiles);

    // The face folder and the other folders, the ones to watch.
    std::vector<std::filesystem::path> folders() const;

private:
    struct Candidate {
        std::string stamp, name;
        std::filesystem::path path;
    };
    enum class Completeness { Unknown, Closed };
    std::vector<FaceResult> consider(std::vector<Candidate> candidates, Completeness completeness);
    void remember(const std::string& hash);
    bool isArrival(const std::string& stamp) const;

    std::filesystem::path folder_;
    FaceWatchOptions options_;
    bool firstPoll_ = true;
    CodeTables codes_;
    std::filesystem::path seenStore_;
    std::set<std::string> seenHashes_;
    std::map<std::filesystem::path, std::filesystem::file_time_type> handled_;  // path → mtime when read
};

}  // namespace madoguchi::gateway
