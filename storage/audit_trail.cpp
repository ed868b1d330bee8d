#include "storage/audit_trail.h"

#include <openssl/evp.h>

#include <array>

namespace madoguchi::storage {
namespace {

const std::string kGenesis(64, '0');

std::string rowContent(long long seq, const AuditEntry& e, const std::string& previous) {
    // Length-prefixed fields: no separator can be smuggled through a value.
    std::string content = std::to_string(seq);
    for (const std::string* field : {&e.at, &e.staffId, &e.action, &e.patientId, &e.visitId, &e.detail, &previous})
        content += "|" + std::to_string(field->size()) + ":" + *field;
    return content;
}

}  // namespace

std::string sha256Hex(const std::string& content) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(content.data(), content.size(), digest.data(), &length, EVP_sha256(), nullptr);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kDigits[digest[i] >> 4];
        hex += kDigits[digest[i] & 0x0f];
    }
    return hex;
}

void appendAudit(Database& db, const AuditEntry& entry) {
    Statement last = db.cached("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    long long seq = 1;
    std::string previous = kGenesis;
    if (last.step()) {
        seq = last.integer(0) + 1;
        previous = last.text(1);
    }
    db.cached("INSERT INTO audit_log(seq, at, staff_id, action, patient_id, visit_id, detail, prev_hash, row_hash) "
               "VALUES(?,?,?,?,?,?,?,?,?)")
        .bind(1, static_cast<std::int64_t>(seq))
        .bind(2, entry.at)
        .bind(3, entry.staffId)
        .bind(4, entry.action)
        .bind(5, entry.patientId)
        .bind(6, entry.visitId)
        .bind(7, entry.detail)
        .bind(8, previous)
        .bind(9, sha256Hex(rowContent(seq, entry, previous)))
        .run();
}

std::optional<AuditBreak> verifyAuditChain(Database& db) {
    Statement rows = db.prepare(
        "SELECT seq, at, staff_id, action, patient_id, visit_id, detail, prev_hash, row_hash FROM audit_log ORDER BY seq");
    long long expectedSeq = 1;
    std::string previous = kGenesis;
    while (rows.step()) {
        long long seq = rows.integer(0);
        AuditEntry entry{rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5), rows.text(6)};
        if (seq != expectedSeq)
            return AuditBreak{seq, seq > expectedSeq ? "row " + std::to_string(expectedSeq) + " is missing (deleted)"
                                                     : "the sequence goes backwards"};
        if (rows.text(7) != previous) return AuditBreak{seq, "does not follow the previous row (inserted or reordered)"};
        if (rows.text(8) != sha256Hex(rowContent(seq, entry, previous)))
            return AuditBreak{seq, "its content does not match its hash (changed)"};
        previous = rows.text(8);
        ++expectedSeq;
    }
    return std::nullopt;
}

}  // namespace madoguchi::storage
