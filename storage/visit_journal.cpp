#include "storage/visit_journal.h"

#include <Poco/JSON/Object.h>
#include <cstdlib>
#include <ctime>
#include <sstream>

#include "storage/schema.h"
#include "storage/visit_record_json.h"

namespace madoguchi::storage {
namespace {

Problem storageProblem(const StorageError& error) {
    if (error.diskFull())
        return Problem{"journal.disk_full", N_("The visit could not be saved: the disk is full or failing. It is kept "
                                               "in memory and saved as soon as space is free.")};
    return Problem{"journal.write_failed",
                   std::string(N_("The visit could not be saved; it is kept in memory and retried.")) + " " + error.what()};
}

Problem rejectedProblem(const StorageError& error) {
    return Problem{"journal.rejected",
                   std::string(N_("The journal refused the visit (is its visit number already used?).")) + " " +
                       error.what()};
}

std::string json(const VisitRecord& visit) {
    std::ostringstream out;
    visitRecordToJson(visit)->stringify(out);
    return out.str();
}

bool alreadySaved(Database& db, const VisitRecord& visit) {
    Statement query = db.prepare("SELECT record_json FROM visits WHERE id = ?");
    query.bind(1, visit.visitId);
    return query.step() && query.text(0) == json(visit);
}

// The receipt time of a late answer: the gateway's own processing time, else now on this machine.
std::string receivedAt(const EligibilityResult& result) {
    if (auto at = LocalDateTime::parseCompact(result.processExecutionTime)) return at->iso();
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
    return text;
}

std::string visitKindName(VisitKind kind) {
    return kind == VisitKind::FirstVisit ? "first" : kind == VisitKind::ReturnVisit ? "return" : "unspecified";
}

VisitSummary summaryFrom(Statement& row) {
    // A date the program did not write (an edited file) shows as 1970-01-01 rather than vanish.
    Date date = Date::parseIso(row.text(3)).value_or(*Date::fromYmd(1970, 1, 1));
    VisitSummary v{row.text(0), row.text(1), row.text(2), date, row.text(4), row.text(5),
                   row.text(6), row.text(7), row.text(8), static_cast<int>(row.integer(9)), std::nullopt, row.text(11),
                   row.integer(12) != 0};
    if (!row.isNull(10)) v.copayYen = row.integer(10);
    return v;
}

const char* kSummaryColumns =
    "SELECT v.id, COALESCE(v.patient_id, ''), COALESCE(p.name, ''), v.visit_date, v.started_at, v.identity_method, "
    "v.source, v.validity, v.claim_route, v.share_tenths, v.copay_yen, v.full_charge_reason, v.cancelled "
    "FROM visits v LEFT JOIN patients p ON p.id = v.patient_id ";

}  // namespace

std::filesystem::path defaultJournalPath(const std::string& facility) {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path base = xdg && *xdg ? std::filesystem::path(xdg)
                                             : std::filesystem::path(home ? home : ".") / ".local" / "share";
    return base / "madoguchi" / (facility + ".sqlite3");
}

namespace {

// The default folder does not exist on a new machine: make it (private to the user) first.
const std::filesystem::path& withFolder(const std::filesystem::path& path) {
    if (path.has_parent_path() && !std::filesystem::exists(path.parent_path())) {
        std::filesystem::create_directories(path.parent_path());
        std::filesystem::permissions(path.parent_path(), std::filesystem::perms::owner_all);
    }
    return path;
}

}  // namespace

SqliteVisitJournal::SqliteVisitJournal(const std::filesystem::path& path) : db_(withFolder(path)) {
    configureConnection(db_);
    migrate(db_);
}

void SqliteVisitJournal::writeVisit(const VisitRecord& v) {
    if (!v.patientId.empty()) {
        db_.cached("INSERT INTO patients(id, name, name_kana, birth_date, sex, address, phone, employer, updated_at) "
                    "VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                    "name_kana=excluded.name_kana, birth_date=excluded.birth_date, sex=excluded.sex, "
                    "address=excluded.address, phone=excluded.phone, employer=excluded.employer, "
                    "updated_at=excluded.updated_at")
            .bind(1, v.patientId).bind(2, v.patient.name).bind(3, v.patient.nameKana)
            .bind(4, v.patient.birthDate ? v.patient.birthDate->iso() : std::string())
            .bind(5, v.patient.sex).bind(6, v.patient.address).bind(7, v.patient.phone).bind(8, v.patient.employer)
            .bind(9, v.completedAt.iso())
            .run();
    }
    Statement insert = db_.cached(
        "INSERT INTO visits(id, patient_id, visit_date, started_at, completed_at, staff_id, identity_method, "
        "identity_confirmed_by, source, validity, claim_route, insurer_number, card_symbol, card_number, card_branch, "
        "share_tenths, share_basis, points, copay_yen, full_charge_reason, cancelled, pending_request_id, record_json, "
        "visit_kind) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, v.visitId);
    if (v.patientId.empty()) insert.bindNull(2); else insert.bind(2, v.patientId);
    insert.bind(3, v.startedAt.date.iso()).bind(4, v.startedAt.iso()).bind(5, v.completedAt.iso()).bind(6, v.staffId)
        .bind(7, std::string(identityMethodName(v.identityMethod))).bind(8, v.identityConfirmedBy)
        .bind(9, std::string(eligibilitySourceName(v.source)))
        .bind(10, v.onlineResult ? v.onlineResult->qualificationValidity.raw : std::string())
        .bind(11, std::string(claimRouteName(v.claimRoute))).bind(12, v.insurance.insurerNumber)
        .bind(13, v.insurance.card.symbol).bind(14, v.insurance.card.number).bind(15, v.insurance.card.branch)
        .bind(16, static_cast<std::int64_t>(v.share.tenths())).bind(17, v.shareBasis).bindOptional(18, v.points)
        .bindOptional(19, v.copay ? std::optional<std::int64_t>(v.copay->value) : std::nullopt)
        .bind(20, v.fullChargeReason).bind(21, static_cast<std::int64_t>(v.cancelled ? 1 : 0))
        .bind(22, v.pendingRequestId).bind(23, json(v)).bind(24, visitKindName(v.visitKind))
        .run();
    if (!v.rawGatewayXml.empty())
        db_.cached("INSERT INTO eligibility_snapshots(visit_id, received_at, raw_xml) VALUES(?,?,?)")
            .bind(1, v.visitId).bind(2, v.completedAt.iso()).bind(3, v.rawGatewayXml).run();
    appendAudit(db_, {v.completedAt.iso(), v.staffId, "visit.recorded", v.patientId, v.visitId,
                      std::string(claimRouteName(v.claimRoute))});
}

void SqliteVisitJournal::saveVisit(const VisitRecord& visit) {
    Transaction transaction(db_);
    writeVisit(visit);
    transaction.commit();
}

Outcome<bool> SqliteVisitJournal::recordVisit(const VisitRecord& visit) {
    std::lock_guard lock(mutex_);
    saveUnsavedLocked();  // earlier visits first, so the journal keeps the order of the window
    try {
        saveVisit(visit);
        return true;
    } catch (const StorageError& error) {
        if (!error.transient()) return rejectedProblem(error);  // retrying cannot help: say so now
        unsaved_.push_back(visit);
        return storageProblem(error);
    }
}

Outcome<bool> SqliteVisitJournal::recordVisits(const std::vector<VisitRecord>& visits) {
    std::lock_guard lock(mutex_);
    try {
        Transaction transaction(db_);
        for (const auto& visit : visits) writeVisit(visit);
        transaction.commit();
        return true;
    } catch (const StorageError& error) {
        return error.transient() ? storageProblem(error) : rejectedProblem(error);
    }
}

std::size_t SqliteVisitJournal::unsavedCount() const {
    std::lock_guard lock(mutex_);
    return unsaved_.size();
}

int SqliteVisitJournal::retryUnsaved() {
    std::lock_guard lock(mutex_);
    return saveUnsavedLocked();
}

int SqliteVisitJournal::saveUnsavedLocked() {
    int saved = 0;
    while (!unsaved_.empty()) {
        try {
            // A commit whose success was not reported (an I/O error after the write) may already
            // be in the file: the same record under the same id counts as saved.
            if (!alreadySaved(db_, unsaved_.front())) saveVisit(unsaved_.front());
        } catch (const StorageError&) {
            break;  // still no space (or still locked): keep the rest, in order, for the next try
        }
        unsaved_.erase(unsaved_.begin());
        ++saved;
    }
    return saved;
}

std::optional<PastEligibility> SqliteVisitJournal::lastEligibility(const std::string& patientId) {
    std::lock_guard lock(mutex_);
    Statement query = db_.prepare(
        "SELECT v.insurer_number, v.card_symbol, v.card_number, v.card_branch, v.share_tenths, v.completed_at, "
        "p.name, p.name_kana, p.birth_date, p.sex, p.address FROM visits v JOIN patients p ON p.id = v.patient_id "
        "WHERE v.patient_id = ? AND v.cancelled = 0 AND v.insurer_number NOT IN ('', '77777777', '77777779') "
        "ORDER BY v.completed_at DESC LIMIT 1");
    query.bind(1, patientId);
    if (!query.step()) return std::nullopt;
    PastEligibility past;
    past.insurance = {query.text(0), {query.text(1), query.text(2), query.text(3)}};
    if (query.integer(4) != 10) past.share = CopayShare::fromTenths(static_cast<int>(query.integer(4)));
    if (auto at = LocalDateTime::parseIso(query.text(5))) past.recordedAt = *at;
    past.patient = {query.text(6), query.text(7), Date::parseIso(query.text(8)), query.text(9), query.text(10), {}, {}, {}};
    return past;
}

Outcome<bool> SqliteVisitJournal::retag(const Retag& r) {
    std::lock_guard lock(mutex_);
    try {
        Transaction transaction(db_);
        Statement current = db_.prepare("SELECT claim_route, patient_id FROM visits WHERE id = ?");
        current.bind(1, r.visitId);
        if (!current.step()) return Problem{"journal.no_visit", N_("No such visit in the journal.")};
        std::string from = current.text(0), patient = current.text(1);
        if (from == claimRouteName(r.to)) return Problem{"journal.same_route", N_("The visit already has this claim route.")};
        if (r.reason.empty()) return Problem{"journal.reason_required", N_("Say why the claim route changes.")};
        db_.prepare("UPDATE visits SET claim_route = ? WHERE id = ?").bind(1, std::string(claimRouteName(r.to))).bind(2, r.visitId).run();
        db_.prepare("INSERT INTO retags(visit_id, from_route, to_route, staff_id, reason, evidence, at) VALUES(?,?,?,?,?,?,?)")
            .bind(1, r.visitId).bind(2, from).bind(3, std::string(claimRouteName(r.to))).bind(4, r.staffId)
            .bind(5, r.reason).bind(6, r.evidence).bind(7, r.at.iso()).run();
        appendAudit(db_, {r.at.iso(), r.staffId, "visit.retagged", patient, r.visitId, from + " -> " + std::string(claimRouteName(r.to))});
        transaction.commit();
        return true;
    } catch (const StorageError& error) {
        return storageProblem(error);
    }
}

Outcome<bool> SqliteVisitJournal::attachLateAnswer(const std::string& pendingRequestId, const EligibilityResult& result,
                                                   const std::string& rawXml) {
    std::lock_guard lock(mutex_);
    try {
        Transaction transaction(db_);
        Statement visit = db_.prepare("SELECT id, claim_route, patient_id FROM visits WHERE pending_request_id = ? AND pending_request_id <> ''");
        visit.bind(1, pendingRequestId);
        if (!visit.step()) return Problem{"journal.no_pending", N_("No visit waits for this answer.")};
        std::string visitId = visit.text(0), route = visit.text(1), patient = visit.text(2);
        std::string at = receivedAt(result);
        db_.prepare("INSERT INTO eligibility_snapshots(visit_id, received_at, raw_xml) VALUES(?,?,?)")
            .bind(1, visitId).bind(2, at).bind(3, rawXml).run();
        db_.prepare("UPDATE visits SET pending_request_id = '', validity = ? WHERE id = ?")
            .bind(1, result.qualificationValidity.raw).bind(2, visitId).run();
        if (result.isConfirmed() && route != "current") {
            db_.prepare("UPDATE visits SET claim_route = 'current' WHERE id = ?").bind(1, visitId).run();
            db_.prepare("INSERT INTO retags(visit_id, from_route, to_route, staff_id, reason, evidence, at) VALUES(?,?,?,?,?,?,?)")
                .bind(1, visitId).bind(2, route).bind(3, std::string("current")).bind(4, std::string("system"))
                .bind(5, std::string("late online answer confirmed the eligibility")).bind(6, pendingRequestId).bind(7, at).run();
        }
        appendAudit(db_, {at, "system", "visit.late_answer", patient, visitId, pendingRequestId});
        transaction.commit();
        return true;
    } catch (const StorageError& error) {
        return storageProblem(error);
    }
}

std::vector<VisitSummary> SqliteVisitJournal::visitsBetween(const Date& from, const Date& to) {
    std::lock_guard lock(mutex_);
    Statement query = db_.prepare(std::string(kSummaryColumns) + "WHERE v.visit_date BETWEEN ? AND ? ORDER BY v.started_at, v.id");
    query.bind(1, from.iso()).bind(2, to.iso());
    std::vector<VisitSummary> visits;
    while (query.step()) visits.push_back(summaryFrom(query));
    return visits;
}

std::vector<UsageVisit> SqliteVisitJournal::usageVisitsBetween(const Date& from, const Date& to) {
    std::lock_guard lock(mutex_);
    Statement query = db_.prepare(
        "SELECT id, COALESCE(patient_id, ''), visit_date, source = 'online_card', cancelled FROM visits "
        "WHERE visit_date BETWEEN ? AND ?");
    query.bind(1, from.iso()).bind(2, to.iso());
    std::vector<UsageVisit> visits;
    while (query.step())
        if (auto date = Date::parseIso(query.text(2)))
            visits.push_back({query.text(0), query.text(1), *date, query.integer(3) != 0, query.integer(4) != 0});
    return visits;
}

std::vector<VisitSummary> SqliteVisitJournal::followUps() {
    std::lock_guard lock(mutex_);
    Statement query = db_.prepare(std::string(kSummaryColumns) +
                                  "WHERE v.claim_route IN ('old', 'unknown') AND v.cancelled = 0 ORDER BY v.started_at, v.id");
    std::vector<VisitSummary> visits;
    while (query.step()) visits.push_back(summaryFrom(query));
    return visits;
}

std::map<Date, int> SqliteVisitJournal::officialRates() {
    std::lock_guard lock(mutex_);
    Statement query = db_.prepare("SELECT month, basis_points FROM official_usage_rates");
    std::map<Date, int> rates;
    while (query.step())
        if (auto month = Date::parseIso(query.text(0) + "-01")) rates[*month] = static_cast<int>(query.integer(1));
    return rates;
}

Outcome<bool> SqliteVisitJournal::setOfficialRate(const Date& month, int basisPoints, const std::string& staffId,
                                                  const LocalDateTime& at) {
    if (basisPoints < 0 || basisPoints > 10000) return Problem{"journal.rate_range", N_("The rate must be between 0% and 100%.")};
    std::lock_guard lock(mutex_);
    try {
        Transaction transaction(db_);
        std::string key = month.iso().substr(0, 7);
        db_.prepare("INSERT INTO official_usage_rates(month, basis_points, entered_by, entered_at) VALUES(?,?,?,?) "
                    "ON CONFLICT(month) DO UPDATE SET basis_points=excluded.basis_points, entered_by=excluded.entered_by, "
                    "entered_at=excluded.entered_at")
            .bind(1, key).bind(2, static_cast<std::int64_t>(basisPoints)).bind(3, staffId).bind(4, at.iso()).run();
        appendAudit(db_, {at.iso(), staffId, "usage.official_rate", "", "", key + "=" + std::to_string(basisPoints)});
        transaction.commit();
        return true;
    } catch (const StorageError& error) {
        return storageProblem(error);
    }
}

void SqliteVisitJournal::recordAccess(const std::string& staffId, const std::string& patientId, const std::string& what,
                                      const LocalDateTime& at) {
    std::lock_guard lock(mutex_);
    Transaction transaction(db_);  // the chain's last row must not move between reading it and appending
    appendAudit(db_, {at.iso(), staffId, "patient.read", patientId, "", what});
    transaction.commit();
}

}  // namespace madoguchi::storage
