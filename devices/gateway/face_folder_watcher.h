#pragma once
// Watches face/ for the certified reader's results (OQSsiquc01res_face_…_yyyyMMddHHmmss.xml) and
// hands each new one over once, in arrival order: deduplicated by content hash, tolerant of
// half-written files, and able to remember what it has handed over across restarts.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/eligibility.h"
#include "domain/outcome.h"
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

class FaceFolderWatcher {
public:
    // seenStore: a file listing the content hashes already handed over (empty path: memory only).
    FaceFolderWatcher(std::filesystem::path faceFolder, CodeTables codes, std::filesystem::path seenStore = {});

    // Every result that appeared since the last poll (and is completely written), oldest first.
    std::vector<FaceResult> poll();

private:
    void remember(const std::string& hash);

    std::filesystem::path folder_;
    CodeTables codes_;
    std::filesystem::path seenStore_;
    std::set<std::string> seenHashes_;
    std::map<std::string, std::filesystem::file_time_type> handled_;  // name → mtime when read
};

}  // namespace madoguchi::gateway
