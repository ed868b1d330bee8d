#pragma once
// The audit trail's head, written down outside the journal: how many rows it had and the last
// row's seal, itself sealed with the audit key. The journal appends one line to its anchor file
// (`<journal>.anchor`, append-only, 0600) after every commit that added audit rows, and the daily
// log export carries the same line; `audit verify` compares the journal with both, which reveals
// rows cut from the end and a chain rebuilt from scratch.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "storage/audit_key.h"

namespace madoguchi::storage {

struct AuditAnchor {
    long long rows = 0;
    std::string head;  // the row_hash of row `rows`
    std::string at;    // when it was written (ISO local time)
};

inline constexpr const char* kAnchorPrefix = "# audit anchor ";

std::filesystem::path anchorPathFor(const std::filesystem::path& journal);
// "# audit anchor rows=N head=H at=T seal=S"
std::string anchorLine(const AuditKey& key, const AuditAnchor& anchor);
// nullopt when the line is not an anchor, or its seal does not match (forged).
std::optional<AuditAnchor> parseAnchorLine(const AuditKey& key, const std::string& line);
// One write() with O_APPEND; failures are ignored (the journal stays right, the next commit anchors).
void appendAnchor(const std::filesystem::path& path, const AuditKey& key, const AuditAnchor& anchor);

struct AnchorLines {
    bool found = false;                // the file exists
    std::vector<AuditAnchor> anchors;  // the lines with a valid seal, in file order
    std::vector<int> forged;           // line numbers (1-based) of complete lines whose seal does not match
};
// Reads every line starting with kAnchorPrefix (an anchor file, or a daily log export); an
// unterminated last line (a crash in the middle of a write) is skipped.
AnchorLines readAnchorLines(const std::filesystem::path& path, const AuditKey& key);

}  // namespace madoguchi::storage
