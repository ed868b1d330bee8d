#pragma once
// The append-only audit trail: who read or changed which patient's data, when. Each row holds
// the hash of the previous row and of its own content, so a changed, deleted or inserted row is
// found by walking the chain (`madoguchi-cli audit verify`).
#include <optional>
#include <string>

#include "storage/sqlite.h"

namespace madoguchi::storage {

struct AuditEntry {
    std::string at;  // ISO local time
    std::string staffId, action, patientId, visitId, detail;
};

// Appends within the caller's transaction (if any).
void appendAudit(Database& db, const AuditEntry& entry);

struct AuditBreak {
    long long seq = 0;  // the first row that does not fit the chain
    std::string why;
};
// nullopt when the whole chain is intact.
std::optional<AuditBreak> verifyAuditChain(Database& db);

std::string sha256Hex(const std::string& content);

}  // namespace madoguchi::storage
