#include "storage/audit_anchor.h"

#include <fstream>
#include <sstream>

#include "platform/posix_files.h"

namespace madoguchi::storage {
namespace {

std::string sealedPart(const AuditAnchor& anchor) {
    return "rows=" + std::to_string(anchor.rows) + " head=" + anchor.head + " at=" + anchor.at;
}

std::string field(const std::string& text, const std::string& name) {
    std::istringstream words(text);
    std::string word;
    while (words >> word)
        if (word.starts_with(name + "=")) return word.substr(name.size() + 1);
    return {};
}

}  // namespace

std::filesystem::path anchorPathFor(const std::filesystem::path& journal) {
    std::filesystem::path path = journal;
    path += ".anchor";
    return path;
}

std::string anchorLine(const AuditKey& key, const AuditAnchor& anchor) {
    std::string sealed = sealedPart(anchor);
    return kAnchorPrefix + sealed + " seal=" + key.hmacHex("anchor|" + sealed);
}

std::optional<AuditAnchor> parseAnchorLine(const AuditKey& key, const std::string& line) {
    std::string text = line;
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n')) text.pop_back();
    if (!text.starts_with(kAnchorPrefix)) return std::nullopt;
    text = text.substr(std::string(kAnchorPrefix).size());
    AuditAnchor anchor;
    try {
        anchor.rows = std::stoll(field(text, "rows"));
    } catch (const std::exception&) {
        return std::nullopt;
    }
    anchor.head = field(text, "head");
    anchor.at = field(text, "at");
    if (field(text, "seal") != key.hmacHex("anchor|" + sealedPart(anchor))) return std::nullopt;
    return anchor;
}

void appendAnchor(const std::filesystem::path& path, const AuditKey& key, const AuditAnchor& anchor) {
    std::string line = anchorLine(key, anchor) + "\n";
    int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | platform::kPrivateAcl, 0600);
    if (fd < 0) return;
    [[maybe_unused]] ssize_t written = ::write(fd, line.data(), line.size());
    ::fsync(fd);
    ::close(fd);
}

AnchorLines readAnchorLines(const std::filesystem::path& path, const AuditKey& key) {
    AnchorLines result;
    std::ifstream in(path, std::ios::binary);
    if (!in) return result;
    result.found = true;
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t start = 0;
    int number = 0;
    while (start < content.size()) {
        std::size_t end = content.find('\n', start);
        if (end == std::string::npos) break;  // torn last line: the writer died mid-write
        std::string line = content.substr(start, end - start);
        start = end + 1;
        ++number;
        if (line.find(kAnchorPrefix) != 0) {
            // In an export the anchor may follow a BOM; elsewhere a non-anchor line is ignored.
            std::size_t at = line.find(kAnchorPrefix);
            if (at == std::string::npos) continue;
            line = line.substr(at);
        }
        if (auto anchor = parseAnchorLine(key, line)) result.anchors.push_back(*anchor);
        else result.forged.push_back(number);
    }
    return result;
}

}  // namespace madoguchi::storage
