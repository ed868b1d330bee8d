#include "storage/journal_copy.h"

#include <optional>
#include <vector>

namespace madoguchi::storage {
namespace {

struct TableCopy {
    const char* table;
    std::vector<const char*> columns;  // in the order copied and compared
    const char* order;                 // a total order that both engines give the same way
    std::vector<const char*> blobs;    // columns read and written as bytes
};

// The tables of schema 9. The identity ids of eligibility_snapshots and retags are the
// destination's own (rows inserted in id order keep their order); everything else is copied as is.
const std::vector<TableCopy>& tables() {
    static const std::vector<TableCopy> list{
        {"patients", {"id", "name", "name_kana", "birth_date", "sex", "address", "phone", "employer", "updated_at"}, "id", {}},
        {"visits",
         {"id", "patient_id", "patient_name", "visit_date", "started_at", "completed_at", "staff_id", "identity_method",
          "identity_confirmed_by", "source", "validity", "claim_route", "insurer_number", "card_symbol", "card_number",
          "card_branch", "share_tenths", "share_basis", "points", "copay_yen", "full_charge_reason", "cancelled",
          "pending_request_id", "record_json", "visit_kind", "insurer_name", "share_decided_tenths",
          "share_correction_reason", "\"window\""},
         "id",
         {}},
        {"eligibility_snapshots", {"visit_id", "received_at", "raw_xml"}, "id", {}},
        {"retags", {"visit_id", "from_route", "to_route", "staff_id", "reason", "evidence", "at"}, "id", {}},
        {"claim_remarks",
         {"visit_id", "name_kana", "insurance_type", "insurer_name", "employer", "address", "phone",
          "declared_insurer_number", "declared_card_symbol", "declared_card_number", "declared_card_branch",
          "patient_contacted_on"},
         "visit_id",
         {}},
        {"staff",
         {"id", "display_name", "role", "salt", "iterations", "password_hash", "failed_attempts", "locked_until",
          "must_change_password"},
         "id",
         {"salt", "password_hash"}},
        {"official_usage_rates", {"month", "basis_points", "entered_by", "entered_at"}, "month", {}},
        {"usage_patient_months", {"month", "who", "with_card"}, "month, who", {}},
        {"usage_months", {"month", "patients_seen", "patients_with_card"}, "month", {}},
        {"audit_log",
         {"seq", "at", "staff_id", "action", "patient_id", "visit_id", "detail", "\"window\"", "prev_hash", "row_hash"},
         "seq",
         {}},
    };
    return list;
}

bool isBlob(const TableCopy& t, const char* column) {
    for (const char* blob : t.blobs)
        if (std::string(blob) == column) return true;
    return false;
}

std::string selectAll(const TableCopy& t) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < t.columns.size(); ++i) sql += (i ? ", " : "") + std::string(t.columns[i]);
    return sql + " FROM " + t.table + " ORDER BY " + t.order;
}

std::string insertInto(const TableCopy& t) {
    std::string sql = "INSERT INTO " + std::string(t.table) + "(", values;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        sql += (i ? ", " : "") + std::string(t.columns[i]);
        values += i ? ",?" : "?";
    }
    return sql + ") VALUES(" + values + ")";
}

// One row as values (nullopt: NULL); numbers as their decimal text on both engines.
using Row = std::vector<std::optional<std::string>>;

Row rowOf(const TableCopy& t, Statement& rows) {
    Row row;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const int column = static_cast<int>(i);
        if (rows.isNull(column)) row.emplace_back(std::nullopt);
        else row.emplace_back(isBlob(t, t.columns[i]) ? rows.blob(column) : rows.text(column));
    }
    return row;
}

}  // namespace

void requireEmptyJournal(Database& to) {
    for (const char* table : {"visits", "staff", "audit_log"}) {
        Statement count = to.prepare(std::string("SELECT COUNT(*) FROM ") + table);
        if (count.step() && count.integer(0) > 0)
            throw StorageError(std::string("the destination already holds a journal (its ") + table +
                                   " table has rows): copy only into a new, empty database",
                               StorageFailure::Other);
    }
}

CopiedRows copyJournalRows(Database& from, Database& to) {
    CopiedRows copied;
    Transaction transaction(to);
    for (const TableCopy& t : tables()) {
        Statement rows = from.prepare(selectAll(t));
        long long count = 0;
        while (rows.step()) {
            Statement insert = to.cached(insertInto(t));
            const Row row = rowOf(t, rows);
            for (std::size_t i = 0; i < row.size(); ++i) {
                const int index = static_cast<int>(i) + 1;
                if (!row[i]) insert.bindNull(index);
                else if (isBlob(t, t.columns[i])) insert.bindBlob(index, *row[i]);
                else insert.bind(index, *row[i]);
            }
            insert.run();
            ++count;
        }
        copied[t.table] = count;
    }
    transaction.commit();
    return copied;
}

std::string journalDifference(Database& from, Database& to) {
    for (const TableCopy& t : tables()) {
        Statement left = from.prepare(selectAll(t)), right = to.prepare(selectAll(t));
        for (long long number = 1;; ++number) {
            const bool hasLeft = left.step(), hasRight = right.step();
            if (!hasLeft && !hasRight) break;
            if (hasLeft != hasRight)
                return std::string(t.table) + ": the " + (hasLeft ? "copy" : "source") + " ends at row " +
                       std::to_string(number - 1);
            if (rowOf(t, left) != rowOf(t, right))
                return std::string(t.table) + ": row " + std::to_string(number) + " (in " + t.order +
                       " order) differs in the copy";
        }
    }
    return {};
}

}  // namespace madoguchi::storage
