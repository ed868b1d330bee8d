#include "report_floors.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace madoguchi::bench {
namespace {

const std::string kRowColumns =
    "SELECT v.id, COALESCE(v.patient_id, ''), COALESCE(p.name, ''), v.visit_date, v.started_at, v.identity_method, "
    "v.source, v.validity, v.claim_route, v.share_tenths, v.copay_yen, v.full_charge_reason, v.cancelled, "
    "v.share_decided_tenths, v.share_correction_reason, r.name_kana, r.insurance_type, r.insurer_name, r.employer, "
    "r.address, r.phone, r.declared_insurer_number, r.declared_card_symbol, r.declared_card_number, "
    "r.declared_card_branch, r.patient_contacted_on, v.\"window\" "
    "FROM visits v LEFT JOIN patients p ON p.id = v.patient_id LEFT JOIN claim_remarks r ON r.visit_id = v.id ";

// A report row's own columns from the visits alone (schema 9: the patient's name is on the visit).
const std::string kOwnColumns =
    "SELECT v.id, COALESCE(v.patient_id, ''), v.patient_name, v.visit_date, v.started_at, v.identity_method, v.source, "
    "v.validity, v.claim_route, v.share_tenths, v.copay_yen, v.full_charge_reason, v.cancelled, "
    "v.share_decided_tenths, v.share_correction_reason, v.\"window\" FROM visits v ";

const std::string kWho = "CASE WHEN COALESCE(patient_id, '') = '' THEN id ELSE patient_id END";

std::string floorQuery(const std::string& kind) {
    if (kind == "daily") return kRowColumns + "WHERE v.visit_date = '2025-06-02' ORDER BY v.started_at, v.id";
    if (kind == "followup")
        return kRowColumns + "WHERE v.claim_route IN ('old', 'unknown') AND v.cancelled = 0 ORDER BY v.started_at, v.id";
    if (kind == "daily-rows")  // the log's own columns, the name carried by the visit (schema 9): its covering index
        return kOwnColumns + "WHERE v.visit_date = '2025-06-02' ORDER BY v.started_at, v.id";
    if (kind == "followup-rows")  // the list's own columns, the name carried by the visit: its index alone, no remarks
        return kOwnColumns + "WHERE v.claim_route IN ('old', 'unknown') AND v.cancelled = 0 ORDER BY v.started_at, v.id";
    if (kind == "usage")
        return "SELECT month, patients_seen, patients_with_card FROM usage_months "
               "WHERE month BETWEEN '2025-06' AND '2025-11' ORDER BY month";
    if (kind == "usage-visits")
        return "SELECT substr(visit_date, 1, 7), COUNT(DISTINCT " + kWho + "), COUNT(DISTINCT CASE WHEN source = "
               "'online_card' THEN " + kWho + " END) FROM visits WHERE visit_date BETWEEN '2025-06-01' AND "
               "'2025-11-30' AND cancelled = 0 GROUP BY 1 ORDER BY 1";
    throw std::invalid_argument("floor: daily, daily-rows, followup, followup-rows, usage or usage-visits");
}

bool countsPatients(const std::string& kind) { return kind.rfind("usage", 0) == 0; }

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

FloorRun sqliteFloor(const std::string& kind, const std::string& file) {
    const std::string sql = floorQuery(kind);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open " + file);
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuMsSoFar();
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        throw std::runtime_error(sqlite3_errmsg(db));
    std::size_t rows = 0;
    long long lastSeen = 0;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        for (int column = 0; column < sqlite3_column_count(statement); ++column) sqlite3_column_text(statement, column);
        lastSeen = sqlite3_column_int64(statement, 1);
        ++rows;
    }
    sqlite3_finalize(statement);
    const double ms = msSince(start), cpuMs = cpuMsSoFar() - cpuStart;
    sqlite3_close(db);
    return {ms, cpuMs, countsPatients(kind) ? static_cast<std::size_t>(lastSeen) : rows};
}

FloorRun postgresFloor(const std::string& kind, const std::string& uri) {
    const std::string sql = floorQuery(kind);
    PGconn* connection = PQconnectdb(uri.c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        throw std::runtime_error("cannot connect: " + message);
    }
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuMsSoFar();
    PGresult* result = PQexec(connection, sql.c_str());
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
        std::string message = PQresultErrorMessage(result);
        PQclear(result);
        PQfinish(connection);
        throw std::runtime_error(message);
    }
    const int rows = PQntuples(result);  // libpq has received every row and column by now
    const std::size_t lastSeen = rows > 0 ? std::strtoull(PQgetvalue(result, rows - 1, 1), nullptr, 10) : 0;
    PQclear(result);
    const double ms = msSince(start), cpuMs = cpuMsSoFar() - cpuStart;
    PQfinish(connection);
    return {ms, cpuMs, countsPatients(kind) ? lastSeen : static_cast<std::size_t>(rows)};
}

}  // namespace madoguchi::bench
