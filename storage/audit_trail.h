#pragma once
// The append-only audit trail: who read or changed which patient's data, when, at which window.
// Each row holds the seal of the previous row and its own seal, an HMAC-SHA256 keyed with the
// audit key (audit_key.h), which the journal does not hold: a changed, deleted, inserted or
// re-sealed row is found by walking the chain, and rows cut from the end by the anchors kept
// outside the journal (audit_anchor.h). Rows written before the chain was keyed (schema 1-2)
// keep their plain SHA-256 seals; the first keyed row, `audit.chain_keyed`, seals their head.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storage/audit_anchor.h"
#include "storage/audit_key.h"
#include "storage/database.h"

namespace madoguchi::storage {

struct AuditEntry {
    std::string at;  // ISO local time
    std::string staffId, action, patientId, visitId, detail;
    std::string window;  // which window or program did it (the window-name setting, else the host)
};

// Appends within the caller's transaction (if any).
void appendAudit(Database& db, const AuditKey& key, const AuditEntry& entry);
// Appends many in order: the chain's head read once, the seals computed here, the rows written a
// batch a statement (batched.h). Within the caller's write transaction, which keeps the head still.
void appendAudits(Database& db, const AuditKey& key, std::span<const AuditEntry> entries);
// The seal of a row of the plain chain that schema 1-2 wrote (for keying old journals, and tests).
std::string plainRowHash(long long seq, const AuditEntry& entry, const std::string& previous);
// The row count and the last row's seal, as the anchors record them.
AuditAnchor auditHead(Database& db, const std::string& at);
// A journal whose chain is plain (written before it was keyed) gets the `audit.chain_keyed` row
// that seals the plain rows' count and head. Within the caller's transaction; true if added.
bool keyPlainChain(Database& db, const AuditKey& key, const std::string& at);

struct AuditFinding {
    long long row = 0;       // the first row concerned (0: the anchor file as a whole)
    std::string what;        // deleted, changed, resealed, inserted, truncated, anchor
    std::string message;     // an English sentence
    std::string intactUpTo;  // the time of the last row before it that fits, "" if none
};

struct AuditVerdict {
    long long rows = 0;
    std::string head;            // the last row's seal
    long long keyedFrom = 1;     // the first keyed row (rows before it are the plain legacy chain)
    long long anchoredRows = 0;  // rows covered by the newest valid anchor
    std::vector<AuditFinding> findings;  // the first few, in chain order; empty when intact
    long long findingCount = 0;          // all of them
    bool intact() const { return findingCount == 0; }
};

inline constexpr std::size_t kMaxFindingsListed = 20;

// Walks the chain and compares it with the anchors (from the anchor file, an export, or none).
// anchorFileFound=false with keyed rows present is itself a finding.
AuditVerdict verifyAudit(Database& db, const AuditKey& key, const AnchorLines& anchors);

std::string sha256Hex(const std::string& content);

}  // namespace madoguchi::storage
