#include "devices/gateway/face_folder_watcher.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <algorithm>
#include <fstream>

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
                                     std::filesystem::path seenStore)
    : folder_(std::move(faceFolder)), codes_(std::move(codes)), seenStore_(std::move(seenStore)) {
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

std::vector<FaceResult> FaceFolderWatcher::poll() {
    std::vector<std::pair<std::string, std::string>> candidates;  // timestamp, name
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder_, error)) {
        std::string name = entry.path().filename().string(), stamp;
        if (isFaceResultName(name, &stamp)) candidates.emplace_back(stamp, name);
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<FaceResult> fresh;
    for (const auto& [stamp, name] : candidates) {
        auto modified = std::filesystem::last_write_time(folder_ / name, error);
        if (error || (handled_.count(name) && handled_[name] == modified)) continue;
        auto content = readStableFile(folder_ / name);
        if (!content || !*content) continue;  // still being written (or unreadable): next poll
        auto result = parseResultXml(content->value(), codes_);
        bool young = std::filesystem::file_time_type::clock::now() - modified < std::chrono::seconds(3);
        if (!result && young) continue;  // probably still being written: look again next poll
        handled_[name] = modified;
        std::string hash = sha256(content->value());
        if (seenHashes_.count(hash)) continue;
        remember(hash);
        fresh.push_back(FaceResult{name, stamp, std::move(result), content->value()});
    }
    return fresh;
}

}  // namespace madoguchi::gateway
