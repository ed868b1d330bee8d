#include "storage/audit_trail.h"

#include <array>
#include <map>

#include "storage/batched.h"
#include "storage/crypto_primitives.h"

namespace madoguchi::storage {
namespace {

const std::string kGenesis(64, '0');
const std::string kChainKeyed = "audit.chain_keyed";

std::string plainContent(long long seq, const AuditEntry& e, const std::string& previous) {
    // Length-prefixed fields: no separator can be smuggled through a value.
    std::string content = std::to_string(seq);
    for (const std::string* field : {&e.at, &e.staffId, &e.action, &e.patientId, &e.visitId, &e.detail, &previous})
        content += "|" + std::to_string(field->size()) + ":" + *field;
    return content;
}

std::string keyedContent(long long seq, const AuditEntry& e, const std::string& previous) {
    return "v3|" + plainContent(seq, e, previous) + "|" + std::to_string(e.window.size()) + ":" + e.window;
}

std::string keyedRowHash(const AuditKey& key, long long seq, const AuditEntry& e, const std::string& previous) {
    return key.hmacHex(keyedContent(seq, e, previous));
}

struct StoredRow {
    long long seq = 0;
    AuditEntry entry;
    std::string previous, hash;
};

const char* kRowColumns = "SELECT seq, at, staff_id, action, patient_id, visit_id, detail, \"window\", prev_hash, row_hash FROM audit_log ";

StoredRow storedRow(Statement& rows) {
    return {rows.integer(0),
            {rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5), rows.text(6), rows.text(7)},
            rows.text(8),
            rows.text(9)};
}

std::string chainKeyedDetail(long long plainRows, const std::string& plainHead) {
    return "plain rows=" + std::to_string(plainRows) + " head=" + plainHead;
}

// Collects findings: the first kMaxFindingsListed are kept, all are counted.
class Findings {
public:
    explicit Findings(AuditVerdict& verdict) : verdict_(verdict) {}
    void add(long long row, const std::string& what, const std::string& message, const std::string& intactUpTo) {
        ++verdict_.findingCount;
        if (verdict_.findings.size() < kMaxFindingsListed) verdict_.findings.push_back({row, what, message, intactUpTo});
    }

private:
    AuditVerdict& verdict_;
};

void checkSeal(const AuditKey& key, const StoredRow& row, bool keyed, const std::string& lastGoodAt, Findings& findings) {
    if (!keyed) {
        if (row.hash != sha256Hex(plainContent(row.seq, row.entry, row.previous)))
            findings.add(row.seq, "changed", "row " + std::to_string(row.seq) + ": its content does not match its seal (changed)",
                         lastGoodAt);
        return;
    }
    if (row.hash == keyedRowHash(key, row.seq, row.entry, row.previous)) return;
    bool resealed = row.hash == sha256Hex(plainContent(row.seq, row.entry, row.previous)) ||
                    row.hash == sha256Hex(keyedContent(row.seq, row.entry, row.previous));
    findings.add(row.seq, resealed ? "resealed" : "changed",
                 "row " + std::to_string(row.seq) +
                     (resealed ? ": sealed without the audit key (the chain was recomputed outside the application)"
                               : ": its content does not match its seal (changed)"),
                 lastGoodAt);
}

void checkAnchors(const AnchorLines& anchors, const std::map<long long, std::pair<std::string, std::string>>& byRow,
                  AuditVerdict& verdict, Findings& findings) {
    for (int line : anchors.forged)
        findings.add(0, "anchor", "anchor line " + std::to_string(line) + " does not carry a valid seal (forged or changed)", "");
    const AuditAnchor* longest = nullptr;
    for (const AuditAnchor& anchor : anchors.anchors) {
        if (anchor.rows > verdict.rows) {
            if (!longest || anchor.rows > longest->rows) longest = &anchor;
            continue;
        }
        verdict.anchoredRows = std::max(verdict.anchoredRows, anchor.rows);
        auto row = byRow.find(anchor.rows);
        if (anchor.rows > 0 && (row == byRow.end() || row->second.first != anchor.head))
            findings.add(anchor.rows, "rewritten",
                         "row " + std::to_string(anchor.rows) + " is not the row anchored at " + anchor.at +
                             " (the chain was rewritten from there or before)",
                         "");
    }
    if (longest) {
        auto last = byRow.rbegin();
        findings.add(verdict.rows + 1, "truncated",
                     "rows " + std::to_string(verdict.rows + 1) + " to " + std::to_string(longest->rows) +
                         " are missing from the end (deleted): the anchor written at " + longest->at + " counted " +
                         std::to_string(longest->rows) + " rows",
                     last == byRow.rend() ? "" : last->second.second);
    }
}

}  // namespace

std::string sha256Hex(const std::string& content) {
    const Sha256Digest digest = sha256(content);
    return toHex(digest.data(), digest.size());
}

std::string plainRowHash(long long seq, const AuditEntry& entry, const std::string& previous) {
    return sha256Hex(plainContent(seq, entry, previous));
}

void appendAudit(Database& db, const AuditKey& key, const AuditEntry& entry) {
    appendAudits(db, key, std::span<const AuditEntry>(&entry, 1));
}

void appendAudits(Database& db, const AuditKey& key, std::span<const AuditEntry> entries) {
    if (entries.empty()) return;
    const AuditAnchor head = auditHead(db, "");  // read once: the caller's write lock keeps it in place
    std::vector<std::string> seals{head.head};   // seals[i]: row i's previous seal; seals[i + 1]: its own
    seals.reserve(entries.size() + 1);
    for (std::size_t i = 0; i < entries.size(); ++i)
        seals.push_back(keyedRowHash(key, head.rows + 1 + static_cast<long long>(i), entries[i], seals.back()));
    insertRows(db,
               "INSERT INTO audit_log(seq, at, staff_id, action, patient_id, visit_id, detail, \"window\", prev_hash, "
               "row_hash)",
               10, entries.size(), [&](Statement& row, std::size_t i, int first) {
                   const AuditEntry& e = entries[i];
                   row.bind(first, static_cast<std::int64_t>(head.rows + 1 + static_cast<long long>(i)))
                       .bind(first + 1, e.at).bind(first + 2, e.staffId).bind(first + 3, e.action)
                       .bind(first + 4, e.patientId).bind(first + 5, e.visitId).bind(first + 6, e.detail)
                       .bind(first + 7, e.window).bind(first + 8, seals[i]).bind(first + 9, seals[i + 1]);
               });
}

AuditAnchor auditHead(Database& db, const std::string& at) {
    Statement last = db.cached("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!last.step()) return {0, kGenesis, at};
    return {last.integer(0), last.text(1), at};
}

bool keyPlainChain(Database& db, const AuditKey& key, const std::string& at) {
    // The first row answers for every trail begun keyed (each opening of the journal), by its
    // primary key; only a trail with a plain first row needs the search for the marker row.
    Statement first = db.prepare(std::string(kRowColumns) + "ORDER BY seq LIMIT 1");
    if (!first.step()) return false;  // an empty trail is keyed from its first row
    StoredRow row = storedRow(first);
    if (row.hash == keyedRowHash(key, row.seq, row.entry, row.previous)) return false;
    first.reset();
    Statement marker = db.prepare("SELECT 1 FROM audit_log WHERE action = ? LIMIT 1");
    marker.bind(1, kChainKeyed);
    if (marker.step()) return false;
    marker.reset();
    AuditAnchor head = auditHead(db, at);
    appendAudit(db, key, {at, "system", kChainKeyed, "", "", chainKeyedDetail(head.rows, head.head), ""});
    return true;
}

AuditVerdict verifyAudit(Database& db, const AuditKey& key, const AnchorLines& anchors) {
    AuditVerdict verdict;
    Findings findings(verdict);
    Statement marker = db.prepare("SELECT MIN(seq) FROM audit_log WHERE action = ?");
    marker.bind(1, kChainKeyed);
    marker.step();
    verdict.keyedFrom = marker.isNull(0) ? 1 : marker.integer(0);
    marker.reset();

    std::map<long long, std::pair<std::string, std::string>> byRow;  // seq → seal, time
    Statement rows = db.prepare(std::string(kRowColumns) + "ORDER BY seq");
    long long expectedSeq = 1;
    std::string previous = kGenesis, lastGoodAt;
    while (rows.step()) {
        StoredRow row = storedRow(rows);
        long long before = verdict.findingCount;
        if (row.seq > expectedSeq)
            findings.add(row.seq, "deleted",
                         row.seq == expectedSeq + 1 ? "row " + std::to_string(expectedSeq) + " is missing (deleted)"
                                                    : "rows " + std::to_string(expectedSeq) + " to " +
                                                          std::to_string(row.seq - 1) + " are missing (deleted)",
                         lastGoodAt);
        else if (row.previous != previous)
            findings.add(row.seq, "inserted",
                         "row " + std::to_string(row.seq) + " does not follow the previous row (inserted or reordered)",
                         lastGoodAt);
        bool keyed = row.seq >= verdict.keyedFrom;
        checkSeal(key, row, keyed, lastGoodAt, findings);
        if (row.seq == verdict.keyedFrom && row.entry.action == kChainKeyed &&
            row.entry.detail != chainKeyedDetail(row.seq - 1, row.previous))
            findings.add(row.seq, "changed", "the plain rows before row " + std::to_string(row.seq) +
                                                 " are not the ones its keying sealed (changed or deleted)", lastGoodAt);
        if (verdict.findingCount == before) lastGoodAt = row.entry.at;
        byRow[row.seq] = {row.hash, row.entry.at};
        previous = row.hash;
        expectedSeq = row.seq + 1;
        verdict.rows = row.seq;
        verdict.head = row.hash;
    }
    if (!anchors.found && verdict.rows >= verdict.keyedFrom)
        findings.add(0, "anchor", "the anchor file is missing: rows cut from the end cannot be ruled out", "");
    checkAnchors(anchors, byRow, verdict, findings);
    return verdict;
}

}  // namespace madoguchi::storage
