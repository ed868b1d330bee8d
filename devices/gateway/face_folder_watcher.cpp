#include "devices/gateway/face_folder_watcher.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <algorithm>
#include <fstream>
#include <tuple>

#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"

namespace madoguchi::gateway {
namespace {

std::string sha256(const std::string& content) {
    Poco::SHA2Engine engine;
    engine.update(content);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace

bool isFaceResultName(const std::string& fileName, std::string* timestamp) {
    const std::string prefix = "OQSsiquc01res_face_";
    if (!fileName.starts_with(prefix) || !fileName.ends_with(".xml") || fileName.size() < prefix.size() + 19) return false;
    std::string stamp = fileName.substr(fileName.size() - 18, 14);
    if (fileName[fileName.size() - 19] != '_' || stamp.find_first_not_of("0123456789") != std::string::npos) return false;
    if (timestamp) *timestamp = stamp;
    return true;
}

FaceFolderWatcher::FaceFolderWatcher(std::filesystem::path faceFolder, CodeTables codes,
                                     std::filesystem::path seenStore, FaceWatchOptions options)
    : folder_(std::move(faceFolder)), options_(std::move(options)), codes_(std::move(codes)),
      seenStore_(std::move(seenStore)) {
    if (seenStore_.empty()) return;
    std::ifstream in(seenStore_);
    for (std::string hash; std::getline(in, hash);)
        if (!hash.empty()) seenHashes_.insert(hash);
}

void FaceFolderWatcher::remember(const std::string& hash) {
    seenHashes_.insert(hash);
    if (seenStore_.empty()) return;
    std::ofstream out(seenStore_, std::ios::app);
    out << hash << '\n';
}

bool FaceFolderWatcher::isArrival(const std::string& stamp) const {
    if (!options_.clock) return true;
    LocalDateTime now = options_.clock->now();
    if (!stamp.starts_with(now.date.compact())) return false;
    if (firstPoll_) return true;
    auto stamped = LocalDateTime::parseCompact(stamp);
    if (!stamped) return false;
    auto secondOfDay = [](const LocalDateTime& t) { return t.hour * 3600 + t.minute * 60 + t.second; };
    return secondOfDay(*stamped) >= secondOfDay(now) - static_cast<int>(options_.freshFor.count()) * 60;
}

std::vector<FaceResult> FaceFolderWatcher::poll() {
    std::vector<Candidate> candidates;
    std::error_code error;
    for (const auto& folder : folders())
        for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
            std::string name = entry.path().filename().string(), stamp;
            if (isFaceResultName(name, &stamp)) candidates.push_back({stamp, name, entry.path()});
        }
    auto fresh = consider(std::move(candidates), Completeness::Unknown);
    firstPoll_ = false;
    return fresh;
}

std::vector<FaceResult> FaceFolderWatcher::take(const std::vector<std::filesystem::path>& completedFiles) {
    const auto watched = folders();
    std::vector<Candidate> candidates;
    for (const auto& path : completedFiles) {
        std::string name = path.filename().string(), stamp;
        if (std::find(watched.begin(), watched.end(), path.parent_path()) == watched.end()) continue;
        if (isFaceResultName(name, &stamp)) candidates.push_back({stamp, name, path});
    }
    return consider(std::move(candidates), Completeness::Closed);
}

std::vector<std::filesystem::path> FaceFolderWatcher::folders() const {
    std::vector<std::filesystem::path> all{folder_};
    all.insert(all.end(), options_.otherFolders.begin(), options_.otherFolders.end());
    return all;
}

std::vector<FaceResult> FaceFolderWatcher::consider(std::vector<Candidate> candidates, Completeness completeness) {
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return std::tie(a.stamp, a.name) < std::tie(b.stamp, b.name); });
    std::vector<FaceResult> fresh;
    std::error_code error;
    for (const auto& [stamp, name, path] : candidates) {
        auto modified = std::filesystem::last_write_time(path, error);
        if (error || (handled_.count(path) && handled_[path] == modified)) continue;
        if (!isArrival(stamp)) {
            handled_[path] = modified;
            continue;
        }
        // A file the writer has closed (or moved in) is read once; one found by a scan is read
        // until two reads agree (readStableFile), as it may still be growing.
        auto content = completeness == Completeness::Closed ? readRegularFile(path, StableReadLimits{}.maxBytes)
                                                            : readStableFile(path);
        if (!content) continue;  // gone, or still being written: next time
        if (!*content) {         // a link, a pipe, too large: never an arrival
            handled_[path] = modified;
            continue;
        }
        auto result = parseResultXml(content->value(), codes_);
        bool young = std::filesystem::file_time_type::clock::now() - modified < std::chrono::seconds(3);
        if (!result && young) continue;  // probably still being written (closed between pieces): look again
        handled_[path] = modified;
        std::string hash = sha256(content->value());
        if (seenHashes_.count(hash)) continue;
        remember(hash);
        fresh.push_back(FaceResult{name, stamp, std::move(result), content->value()});
    }
    return fresh;
}

}  // namespace madoguchi::gateway
