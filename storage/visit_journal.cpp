#include "storage/visit_journal.h"

#include <Poco/JSON/Object.h>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "platform/large_blocks.h"
#include "platform/posix_files.h"
#include "platform/utf8_path.h"
#include "storage/batched.h"
#include "storage/journal_watch.h"
#include "storage/open_database.h"
#include "storage/private_files.h"
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

// The receipt time of a late answer: the gateway's own processing time, else when this machine received it.
std::string answerTime(const EligibilityResult& result, const LocalDateTime& receivedAt) {
    if (auto at = LocalDateTime::parseCompact(result.processExecutionTime)) return at->iso();
    return receivedAt.iso();
}

// The time of the trail's newest row: what keying an old plain chain at opening is dated with
// (storage reads no clock; the row it writes seals what was there at that time).
std::string lastAuditTime(Database& db) {
    Statement last = db.prepare("SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1");
    return last.step() ? last.text(0) : std::string();
}

std::string visitKindName(VisitKind kind) {
    return kind == VisitKind::FirstVisit ? "first" : kind == VisitKind::ReturnVisit ? "return" : "unspecified";
}

// Columns 13.. of kSummaryColumns: the 摘要欄 data, when the visit has it.
std::optional<ClaimRemarks> remarksFrom(Statement& row, int first) {
    if (row.isNull(first)) return std::nullopt;
    ClaimRemarks r;
    r.nameKana = row.text(first);
    r.insuranceType = declaredInsuranceTypeFromName(row.text(first + 1)).value_or(DeclaredInsuranceType::Unknown);
    r.insurerName = row.text(first + 2);
    r.employer = row.text(first + 3);
    r.address = row.text(first + 4);
    r.phone = row.text(first + 5);
    r.declaredInsurance = {row.text(first + 6), {row.text(first + 7), row.text(first + 8), row.text(first + 9)}};
    r.patientContactedOn = Date::parseIso(row.text(first + 10));
    return r;
}

// One row of kSummaryColumns' layout, its text copied into `list` (the remarks as their 摘要欄 text).
void addSummary(VisitList& list, Statement& row) {
    // A date the program did not write (an edited file) shows as 1970-01-01 rather than vanish.
    const Date date = Date::parseIso(row.view(3)).value_or(*Date::fromYmd(1970, 1, 1));
    std::string remarks;
    if (auto read = remarksFrom(row, 15)) remarks = claimRemarksText(*read);
    VisitSummary v{row.view(0),  row.view(1), row.view(2), date, row.view(4), row.view(5), row.view(6),
                   row.view(7),  row.view(8), static_cast<int>(row.integer(9)), std::nullopt, row.view(11),
                   row.integer(12) != 0, std::nullopt, row.view(14), remarks, row.view(26)};
    if (!row.isNull(10)) v.copayYen = row.integer(10);
    if (!row.isNull(13)) v.shareDecidedTenths = static_cast<int>(row.integer(13));
    list.add(v);
}

const char* kRemarksColumns =
    "r.name_kana, r.insurance_type, r.insurer_name, r.employer, r.address, r.phone, r.declared_insurer_number, "
    "r.declared_card_symbol, r.declared_card_number, r.declared_card_branch, r.patient_contacted_on, ";

// The visit's columns a report shows, in the order of the daily and follow-up covering indexes
// (visits_daily, visits_follow_up: schema 9), the patient's name carried by the visit.
const std::string kShownVisitColumns =
    "SELECT v.id, COALESCE(v.patient_id, ''), v.patient_name, v.visit_date, v.started_at, v.identity_method, "
    "v.source, v.validity, v.claim_route, v.share_tenths, v.copay_yen, v.full_charge_reason, v.cancelled, "
    "v.share_decided_tenths, v.share_correction_reason, ";

const std::string kSummaryColumns = kShownVisitColumns + std::string(kRemarksColumns) + "v.\"window\" "
    "FROM visits v LEFT JOIN claim_remarks r ON r.visit_id = v.id ";

// The follow-up list's rows as kSummaryColumns lays them out, from the visits alone (the partial
// index visits_follow_up covers every column): no remarks (followUps joins them).
const std::string kFollowUpColumns =
    kShownVisitColumns + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, v.\"window\" ";
const std::string kFollowUpWhere = "WHERE v.claim_route IN ('old', 'unknown') AND v.cancelled = 0 ";

// While it lives, a SQLite connection keeps a small page cache (256 KiB), for a report's read of
// an index range in order, each page once (the follow-up list: ~10 MiB of index pages, a day's log
// ~0.5 MiB): SQLite's default cache (2 MiB) would only hold those pages in fresh memory, faulted in
// page by page (~10% of either report's time). The connection's own size comes back after. The
// server keeps its cache itself: nothing there.
class SmallPageCache {
public:
    explicit SmallPageCache(Database& db) : db_(db.engine() == Engine::Sqlite ? &db : nullptr) {
        if (!db_) return;
        Statement size = db_->prepare("PRAGMA cache_size");
        kept_ = size.step() ? size.integer(0) : 0;
        db_->execute("PRAGMA cache_size = -256");
    }
    ~SmallPageCache() {
        try {
            if (db_) db_->execute("PRAGMA cache_size = " + std::to_string(kept_));
        } catch (const StorageError&) {  // a size of cache only: the connection works either way
        }
    }
    SmallPageCache(const SmallPageCache&) = delete;
    SmallPageCache& operator=(const SmallPageCache&) = delete;

private:
    Database* db_;
    std::int64_t kept_ = 0;
};

// The rows of `rows`, made in place in one block of rows and one of their text, never moved by the
// list's growth (which, for tens of thousands of rows, cost more than reading them: fresh pages
// faulted in, the old ones unmapped): `count` counts them first (the same index range, a fraction
// of the read). A server's rows are taken as they arrive, never held whole.
VisitList summariesCounted(Database& db, Statement& count, Statement& rows) {
    constexpr std::size_t kTextBytesPerRow = 128;  // a generous guess: a row's text is ~100 bytes
    const SmallPageCache cache(db);
    VisitList visits(platform::largeBlocks());  // a hospital's list: MiBs of rows and text filled at once
    if (count.step()) {
        const auto expected = static_cast<std::size_t>(count.integer(0));
        visits.reserve(expected, expected * kTextBytesPerRow);
    }
    rows.streamed();
    while (rows.step()) addSummary(visits, rows);
    return visits;
}

// The 摘要欄 text of the visits that have remarks, from one pass over the remarks (a 申立書 visit
// has them: a small share of the visits, so the map is small and most visits find nothing).
void attachRemarks(Database& db, VisitList& visits) {
    std::map<std::string, std::string, std::less<>> texts;  // visit id → 摘要欄 text
    Statement remarks = db.prepare("SELECT r.visit_id, " + std::string(kRemarksColumns) + "'' FROM claim_remarks r");
    while (remarks.step())
        if (auto read = remarksFrom(remarks, 1)) texts.emplace(remarks.text(0), claimRemarksText(*read));
    if (texts.empty()) return;
    for (VisitSummary& v : visits)
        if (auto found = texts.find(v.visitId); found != texts.end()) v.claimRemarks = visits.keep(found->second);
}

void writeRemarks(Database& db, const std::string& visitId, const ClaimRemarks& r) {
    db.cached("INSERT INTO claim_remarks(visit_id, name_kana, insurance_type, insurer_name, employer, address, phone, "
              "declared_insurer_number, declared_card_symbol, declared_card_number, declared_card_branch, "
              "patient_contacted_on) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, visitId).bind(2, r.nameKana).bind(3, std::string(declaredInsuranceTypeName(r.insuranceType)))
        .bind(4, r.insurerName).bind(5, r.employer).bind(6, r.address).bind(7, r.phone)
        .bind(8, r.declaredInsurance.insurerNumber).bind(9, r.declaredInsurance.card.symbol)
        .bind(10, r.declaredInsurance.card.number).bind(11, r.declaredInsurance.card.branch)
        .bind(12, r.patientContactedOn ? r.patientContactedOn->iso() : std::string())
        .run();
}

struct VisitRoute {
    std::string route, patient;
};
using VisitRoutes = std::unordered_map<std::string, VisitRoute>;  // visit id → its claim route now

struct AcceptedRetag {
    const Retag* retag;
    std::string from;
};

// The routes of the re-tagged visits, read in a few statements inside the write transaction:
// what another window changed before it is seen, and nothing changes them until the commit.
VisitRoutes routesNow(Database& db, const std::vector<Retag>& retags) {
    std::vector<std::string> ids;
    ids.reserve(retags.size());
    for (const Retag& r : retags) ids.push_back(r.visitId);
    VisitRoutes routes;
    routes.reserve(ids.size());
    forKeysIn(db, "SELECT id, claim_route, COALESCE(patient_id, '') FROM visits WHERE id IN ", {}, ids,
              [&](Statement& row) { routes.insert_or_assign(row.text(0), VisitRoute{row.text(1), row.text(2)}); });
    return routes;
}

// Whether the re-tag can be written on the visit's route as it is now (an earlier re-tag of the
// same call included); accepted, the route moves on for the next.
Outcome<bool> acceptRetag(const Retag& r, VisitRoutes& routes, std::vector<AcceptedRetag>& accepted) {
    auto visit = routes.find(r.visitId);
    if (visit == routes.end()) return Problem{"journal.no_visit", N_("No such visit in the journal.")};
    std::string to(claimRouteName(r.to));
    if (visit->second.route == to) return Problem{"journal.same_route", N_("The visit already has this claim route.")};
    if (r.reason.empty()) return Problem{"journal.reason_required", N_("Say why the claim route changes.")};
    accepted.push_back({&r, std::exchange(visit->second.route, std::move(to))});
    return true;
}

// The accepted re-tags written a batch a statement: each visit's last route, the retags rows in
// order; returns their audit rows (in the same order).
std::vector<AuditEntry> writeRetags(Database& db, const std::vector<AcceptedRetag>& accepted, const VisitRoutes& routes) {
    std::map<std::string, std::vector<std::string>> visitsByRoute;
    std::unordered_set<std::string_view> updated;
    std::vector<AuditEntry> audit;
    audit.reserve(accepted.size());
    for (const auto& [r, from] : accepted) {
        const VisitRoute& now = routes.at(r->visitId);
        if (updated.insert(r->visitId).second) visitsByRoute[now.route].push_back(r->visitId);
        audit.push_back({r->at.iso(), r->staffId, "visit.retagged", now.patient, r->visitId,
                         from + " -> " + std::string(claimRouteName(r->to)), ""});
    }
    for (const auto& [route, visits] : visitsByRoute)
        forKeysIn(db, "UPDATE visits SET claim_route = ? WHERE id IN ", {route}, visits);
    insertRows(db, "INSERT INTO retags(visit_id, from_route, to_route, staff_id, reason, evidence, at)", 7,
               accepted.size(), [&](Statement& row, std::size_t i, int first) {
                   const Retag& r = *accepted[i].retag;
                   row.bind(first, r.visitId).bind(first + 1, accepted[i].from)
                       .bind(first + 2, std::string(claimRouteName(r.to))).bind(first + 3, r.staffId)
                       .bind(first + 4, r.reason).bind(first + 5, r.evidence).bind(first + 6, r.at.iso());
               });
    return audit;
}

// The visit's patient among the month's patients (usage_patient_months, schema 7) and the month's
// counts (usage_months): what the usage report reads (countPatientsByMonth's rule: a visit without a
// patient number is its own patient). A patient new in the month adds one seen; the first visit of
// the month with the card online adds one with the card.
void countPatientOfMonth(Database& db, const VisitRecord& v) {
    const std::string month = v.startedAt.date.iso().substr(0, 7), who = v.patientId.empty() ? v.visitId : v.patientId;
    const bool withCard = v.source == EligibilitySource::OnlineCard;
    std::int64_t seen = 0, cardUsers = 0;
    Statement added = db.cached("INSERT INTO usage_patient_months(month, who, with_card) VALUES(?,?,?) "
                                "ON CONFLICT(month, who) DO NOTHING RETURNING with_card");
    added.bind(1, month).bind(2, who).bind(3, static_cast<std::int64_t>(withCard ? 1 : 0));
    if (added.step()) {
        seen = 1;
        cardUsers = withCard ? 1 : 0;
    }
    added.run();
    if (!seen && withCard) {
        Statement flipped = db.cached("UPDATE usage_patient_months SET with_card = 1 "
                                      "WHERE month = ? AND who = ? AND with_card = 0 RETURNING with_card");
        flipped.bind(1, month).bind(2, who);
        if (flipped.step()) cardUsers = 1;
        flipped.run();
    }
    if (seen == 0 && cardUsers == 0) return;
    db.cached("INSERT INTO usage_months(month, patients_seen, patients_with_card) VALUES(?,?,?) ON CONFLICT(month) "
              "DO UPDATE SET patients_seen = usage_months.patients_seen + excluded.patients_seen, "
              "patients_with_card = usage_months.patients_with_card + excluded.patients_with_card")
        .bind(1, month).bind(2, seen).bind(3, cardUsers)
        .run();
}

// What staff decided against the rules goes into the audit trail with its reason.
// The audit rows a visit's share decisions add: a 10割 with its reason, a share staff corrected.
std::vector<AuditEntry> shareDecisionEntries(const VisitRecord& v) {
    std::vector<AuditEntry> entries;
    if (v.share.isFullCharge() && !v.fullChargeReason.empty())
        entries.push_back({v.completedAt.iso(), v.staffId, "visit.full_charge", v.patientId, v.visitId, v.fullChargeReason, ""});
    if (const auto& c = v.shareCorrection)
        entries.push_back({v.completedAt.iso(), v.staffId, "visit.share_corrected", v.patientId, v.visitId,
                           std::to_string(c->decided ? c->decided->tenths() : 0) + " -> " +
                               std::to_string(c->chosen.tenths()) + ": " + c->reason,
                           ""});
    return entries;
}

}  // namespace

std::filesystem::path defaultJournalPath(const std::string& facility) {
#ifdef _WIN32
    // Windows: %LOCALAPPDATA%\Madoguchi beside the settings (a program started from the Start menu
    // runs in its install folder, which it may not write; there is no HOME).
    return configFolder() / (facility + ".sqlite3");
#else
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path base = xdg && *xdg ? std::filesystem::path(xdg)
                                             : std::filesystem::path(home ? home : ".") / ".local" / "share";
    return base / "madoguchi" / (facility + ".sqlite3");
#endif
}

namespace {

// The default folder does not exist on a new machine: make it (private to the user) first.
void makeFolderFor(const std::filesystem::path& path) {
    if (path.has_parent_path() && !std::filesystem::exists(path.parent_path())) makePrivateFolder(path.parent_path());
}

std::unique_ptr<Database> openJournalDatabase(const std::string& location) {
    if (!isServerLocation(location)) makeFolderFor(platform::utf8Path(location));
    return openDatabase(location);
}

AuditKey auditKeyAt(const std::filesystem::path& path) {
    try {
        return AuditKey::loadOrCreate(path);
    } catch (const std::runtime_error& error) {
        throw StorageError(error.what(), StorageFailure::Other);
    }
}

struct WaitingVisit {
    std::string id, route, patient;
};

// The visit whose pending request is requestId, if one still waits.
std::optional<WaitingVisit> visitWaitingFor(Database& db, const std::string& requestId) {
    Statement visit = db.prepare("SELECT id, claim_route, patient_id FROM visits WHERE pending_request_id = ? AND pending_request_id <> ''");
    visit.bind(1, requestId);
    if (!visit.step()) return std::nullopt;
    return WaitingVisit{visit.text(0), visit.text(1), visit.text(2)};
}

Problem noVisitWaits() { return Problem{"journal.no_pending", N_("No visit waits for this answer.")}; }

}  // namespace

std::string hostName() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0 || !*name) return "localhost";
    return name;
}

FacilityJournal::FacilityJournal(const std::string& location, const std::filesystem::path& auditKeyPath)
    : db_(openJournalDatabase(location)), location_(location), key_(auditKeyAt(auditKeyPath)), anchorPath_(anchorPathForLocation(location)),
      window_(hostName()) {
    configureConnection(*db_);
    migrate(*db_);
    if (!isServerLocation(location))
        for (const char* suffix : {"", "-wal", "-shm"}) makePrivateFile(location + suffix);
    makeFolderFor(anchorPath_);
    const std::string at = lastAuditTime(*db_);
    Transaction transaction(*db_);
    bool keyed = keyPlainChain(*db_, key_, at);
    if (keyed) commitAndAnchor(transaction, at);
    else transaction.commit();
    makePrivateFile(anchorPath_);
}

FacilityJournal::FacilityJournal(const FacilityJournal& other)
    : db_(openDatabase(other.location_)), location_(other.location_), key_(other.key_), anchorPath_(other.anchorPath_),
      window_(other.window_) {
    configureConnection(*db_);
}

std::unique_ptr<FacilityJournal> FacilityJournal::anotherConnection() const {
    return std::unique_ptr<FacilityJournal>(new FacilityJournal(*this));
}

void FacilityJournal::commitAndAnchor(Transaction& transaction, const std::string& at) {
    transaction.commit();
    appendAnchor(anchorPath_, key_, auditHead(*db_, at));
}

void FacilityJournal::appendAuditRow(AuditEntry entry) { appendAuditRows({std::move(entry)}); }

void FacilityJournal::appendAuditRows(std::vector<AuditEntry> entries) {
    for (AuditEntry& entry : entries) entry.window = window_;
    appendAudits(*db_, key_, entries);
}

void FacilityJournal::audit(AuditEntry entry) {
    std::lock_guard lock(mutex_);
    Transaction transaction(*db_);
    std::string at = entry.at;
    appendAuditRow(std::move(entry));
    commitAndAnchor(transaction, at);
}

std::optional<LocalDateTime> FacilityJournal::lastAudited(const std::string& action, const std::string& patientId,
                                                         const std::string& visitId) {
    std::lock_guard lock(mutex_);
    Statement last = patientId.empty()
                         ? db_->prepare("SELECT MAX(at) FROM audit_log WHERE patient_id = '' AND action = ? AND visit_id = ?")
                         : db_->prepare("SELECT MAX(at) FROM audit_log WHERE patient_id = ? AND action = ?");
    if (patientId.empty())
        last.bind(1, action).bind(2, visitId);
    else
        last.bind(1, patientId).bind(2, action);
    if (!last.step() || last.isNull(0)) return std::nullopt;
    return LocalDateTime::parseIso(last.text(0));
}

void FacilityJournal::recordReads(const std::string& staffId, const std::vector<std::string>& patientIds,
                                     const std::string& what, const LocalDateTime& at) {
    std::lock_guard lock(mutex_);
    Transaction transaction(*db_);
    std::vector<AuditEntry> reads;
    reads.reserve(patientIds.size());
    for (const std::string& patient : patientIds) reads.push_back({at.iso(), staffId, "patient.read", patient, "", what, ""});
    appendAuditRows(std::move(reads));
    commitAndAnchor(transaction, at.iso());
}

void FacilityJournal::writeVisit(const VisitRecord& v) {
    if (!v.patientId.empty()) {
        db_->cached("INSERT INTO patients(id, name, name_kana, birth_date, sex, address, phone, employer, updated_at) "
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
    Statement insert = db_->cached(
        "INSERT INTO visits(id, patient_id, visit_date, started_at, completed_at, staff_id, identity_method, "
        "identity_confirmed_by, source, validity, claim_route, insurer_number, card_symbol, card_number, card_branch, "
        "share_tenths, share_basis, points, copay_yen, full_charge_reason, cancelled, pending_request_id, record_json, "
        "visit_kind, insurer_name, share_decided_tenths, share_correction_reason, \"window\", patient_name) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
        .bind(22, v.pendingRequestId).bind(23, json(v)).bind(24, visitKindName(v.visitKind)).bind(25, v.insurerName)
        .bindOptional(26, v.shareCorrection ? std::optional<std::int64_t>(v.shareCorrection->decided
                                                                                ? v.shareCorrection->decided->tenths()
                                                                                : 0)
                                            : std::nullopt)
        .bind(27, v.shareCorrection ? v.shareCorrection->reason : std::string())
        .bind(28, window_)
        .bind(29, v.patientId.empty() ? std::string() : v.patient.name)  // what the upsert above made patients.name
        .run();
    if (v.claimRemarks) writeRemarks(*db_, v.visitId, *v.claimRemarks);
    if (!v.cancelled) countPatientOfMonth(*db_, v);
    if (!v.rawGatewayXml.empty())
        db_->cached("INSERT INTO eligibility_snapshots(visit_id, received_at, raw_xml) VALUES(?,?,?)")
            .bind(1, v.visitId).bind(2, v.completedAt.iso()).bind(3, v.rawGatewayXml).run();
    appendAuditRow({v.completedAt.iso(), v.staffId, "visit.recorded", v.patientId, v.visitId,
                    std::string(claimRouteName(v.claimRoute)), ""});
    for (auto& entry : shareDecisionEntries(v)) appendAuditRow(std::move(entry));
    notifyVisitsChanged(*db_, v.visitId);
}

void FacilityJournal::saveVisit(const VisitRecord& visit) {
    Transaction transaction(*db_);
    writeVisit(visit);
    commitAndAnchor(transaction, visit.completedAt.iso());
}

Outcome<bool> FacilityJournal::recordVisit(const VisitRecord& visit) {
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

Outcome<bool> FacilityJournal::recordVisits(const std::vector<VisitRecord>& visits) {
    std::lock_guard lock(mutex_);
    if (visits.empty()) return true;
    try {
        Transaction transaction(*db_);
        for (const auto& visit : visits) writeVisit(visit);
        commitAndAnchor(transaction, visits.back().completedAt.iso());
        return true;
    } catch (const StorageError& error) {
        return error.transient() ? storageProblem(error) : rejectedProblem(error);
    }
}

std::size_t FacilityJournal::unsavedCount() const {
    std::lock_guard lock(mutex_);
    return unsaved_.size();
}

int FacilityJournal::retryUnsaved() {
    std::lock_guard lock(mutex_);
    return saveUnsavedLocked();
}

int FacilityJournal::saveUnsavedLocked() {
    int saved = 0;
    while (!unsaved_.empty()) {
        try {
            // A commit whose success was not reported (an I/O error after the write) may already
            // be in the file: the same record under the same id counts as saved.
            if (!alreadySaved(*db_, unsaved_.front())) saveVisit(unsaved_.front());
        } catch (const StorageError&) {
            break;  // still no space (or still locked): keep the rest, in order, for the next try
        }
        unsaved_.erase(unsaved_.begin());
        ++saved;
    }
    return saved;
}

std::optional<PastEligibility> FacilityJournal::lastEligibility(const std::string& patientId) {
    std::lock_guard lock(mutex_);
    Statement query = db_->prepare(
        "SELECT v.insurer_number, v.card_symbol, v.card_number, v.card_branch, v.share_tenths, v.completed_at, "
        "p.name, p.name_kana, p.birth_date, p.sex, p.address, v.insurer_name FROM visits v "
        "JOIN patients p ON p.id = v.patient_id "
        "WHERE v.patient_id = ? AND v.cancelled = 0 AND v.insurer_number NOT IN ('', ?, ?) "
        "ORDER BY v.completed_at DESC LIMIT 1");
    query.bind(1, patientId).bind(2, std::string(kUnknownClaimFiller)).bind(3, std::string(kUnknownClaimCheckDigitFiller));
    if (!query.step()) return std::nullopt;
    PastEligibility past;
    past.insurance = {query.text(0), {query.text(1), query.text(2), query.text(3)}};
    if (query.integer(4) != CopayShare::kFullChargeTenths)
        past.share = CopayShare::fromTenths(static_cast<int>(query.integer(4)));
    past.insurerName = query.text(11);
    if (auto at = LocalDateTime::parseIso(query.text(5))) past.recordedAt = *at;
    past.patient = {query.text(6), query.text(7), Date::parseIso(query.text(8)), query.text(9), query.text(10), {}, {}, {}};
    return past;
}

Outcome<bool> FacilityJournal::retag(const Retag& r) { return retagAll({r}).front(); }

std::vector<Outcome<bool>> FacilityJournal::retagAll(const std::vector<Retag>& retags) {
    std::lock_guard lock(mutex_);
    std::vector<Outcome<bool>> outcomes;
    outcomes.reserve(retags.size());
    try {
        Transaction transaction(*db_);
        auto routes = routesNow(*db_, retags);
        std::vector<AcceptedRetag> accepted;
        for (const Retag& r : retags) outcomes.push_back(acceptRetag(r, routes, accepted));
        if (accepted.empty()) return outcomes;  // nothing to commit
        appendAuditRows(writeRetags(*db_, accepted, routes));
        const Retag& last = *accepted.back().retag;
        notifyVisitsChanged(*db_, last.visitId);  // one notice: the readers re-read the whole page
        commitAndAnchor(transaction, last.at.iso());
    } catch (const StorageError& error) {
        outcomes.assign(retags.size(), storageProblem(error));
    }
    return outcomes;
}

Outcome<bool> FacilityJournal::attachLateAnswer(const std::string& pendingRequestId, const EligibilityResult& result,
                                                   const std::string& rawXml, const LocalDateTime& receivedAt) {
    std::lock_guard lock(mutex_);
    try {
        Transaction transaction(*db_);
        auto waiting = visitWaitingFor(*db_, pendingRequestId);
        if (!waiting) return noVisitWaits();
        const std::string &visitId = waiting->id, &route = waiting->route, &patient = waiting->patient;
        std::string at = answerTime(result, receivedAt);
        db_->prepare("INSERT INTO eligibility_snapshots(visit_id, received_at, raw_xml) VALUES(?,?,?)")
            .bind(1, visitId).bind(2, at).bind(3, rawXml).run();
        db_->prepare("UPDATE visits SET pending_request_id = '', validity = ? WHERE id = ?")
            .bind(1, result.qualificationValidity.raw).bind(2, visitId).run();
        if (result.isConfirmed() && route != "current") {
            db_->prepare("UPDATE visits SET claim_route = 'current' WHERE id = ?").bind(1, visitId).run();
            db_->prepare("INSERT INTO retags(visit_id, from_route, to_route, staff_id, reason, evidence, at) VALUES(?,?,?,?,?,?,?)")
                .bind(1, visitId).bind(2, route).bind(3, std::string("current")).bind(4, std::string("system"))
                .bind(5, std::string("late online answer confirmed the eligibility")).bind(6, pendingRequestId).bind(7, at).run();
        }
        appendAuditRow({at, "system", "visit.late_answer", patient, visitId, pendingRequestId, ""});
        commitAndAnchor(transaction, at);
        return true;
    } catch (const StorageError& error) {
        return storageProblem(error);
    }
}

Outcome<bool> FacilityJournal::closeRejectedRequest(const std::string& pendingRequestId, const std::string& reason,
                                                       const LocalDateTime& at) {
    std::lock_guard lock(mutex_);
    try {
        Transaction transaction(*db_);
        auto waiting = visitWaitingFor(*db_, pendingRequestId);
        if (!waiting) return noVisitWaits();
        db_->prepare("UPDATE visits SET pending_request_id = '' WHERE id = ?").bind(1, waiting->id).run();
        appendAuditRow({at.iso(), "system", "visit.request_rejected", waiting->patient, waiting->id,
                        pendingRequestId + ": " + reason, ""});
        commitAndAnchor(transaction, at.iso());
        return true;
    } catch (const StorageError& error) {
        return storageProblem(error);
    }
}

VisitList FacilityJournal::visitsBetween(const Date& from, const Date& to) {
    std::lock_guard lock(mutex_);
    // One day (the daily log): an equality on visits_daily's first column, so its order is the log's, no sort.
    const bool oneDay = from == to;
    const std::string where = oneDay ? "WHERE v.visit_date = ? " : "WHERE v.visit_date BETWEEN ? AND ? ";
    Statement count = db_->prepare("SELECT COUNT(*) FROM visits v " + where);
    Statement query = db_->prepare(kSummaryColumns + where + "ORDER BY v.started_at, v.id");
    for (Statement* statement : {&count, &query}) {
        statement->bind(1, from.iso());
        if (!oneDay) statement->bind(2, to.iso());
    }
    return summariesCounted(*db_, count, query);
}

std::map<Date, MonthPatients> FacilityJournal::patientsByMonth(const Date& from, const Date& to) {
    std::lock_guard lock(mutex_);
    Statement query = db_->prepare(
        "SELECT month, patients_seen, patients_with_card FROM usage_months WHERE month BETWEEN ? AND ?");
    query.bind(1, from.iso().substr(0, 7)).bind(2, to.iso().substr(0, 7));
    std::map<Date, MonthPatients> months;
    while (query.step())
        if (auto month = Date::parseIso(query.text(0) + "-01"))
            months[*month] = {static_cast<int>(query.integer(1)), static_cast<int>(query.integer(2))};
    return months;
}

VisitList FacilityJournal::followUps() {
    std::lock_guard lock(mutex_);
    // A hospital's year lists tens of thousands of visits: looking each one's remarks up costs an
    // index descent per row, so the list is read from its own index (visits_follow_up, which
    // carries the patient's name) alone, then the remarks in one pass over the remarks, joined here.
    Statement count = db_->prepare("SELECT COUNT(*) FROM visits v " + kFollowUpWhere);
    Statement query = db_->prepare(kFollowUpColumns + "FROM visits v " + kFollowUpWhere + "ORDER BY v.started_at, v.id");
    VisitList visits = summariesCounted(*db_, count, query);
    attachRemarks(*db_, visits);
    return visits;
}

std::vector<RecheckCandidate> FacilityJournal::recheckCandidates() {
    std::lock_guard lock(mutex_);
    // The birth date a visit without a patient row recorded in its JSON copy (each engine reads JSON its own way).
    const std::string recordedBirthDate = db_->engine() == Engine::Postgres
                                              ? "(v.record_json::json -> 'patient' ->> 'birth_date')"
                                              : "json_extract(v.record_json, '$.patient.birth_date')";
    Statement query = db_->prepare(
        "SELECT v.id, COALESCE(v.patient_id, ''), v.visit_date, v.claim_route, v.insurer_number, v.card_symbol, "
        "v.card_number, v.card_branch, COALESCE(p.birth_date, " + recordedBirthDate + ", ''), "
        "r.declared_insurer_number, r.declared_card_symbol, r.declared_card_number, r.declared_card_branch "
        "FROM visits v LEFT JOIN patients p ON p.id = v.patient_id LEFT JOIN claim_remarks r ON r.visit_id = v.id "
        "WHERE v.claim_route IN ('old', 'unknown') AND v.cancelled = 0 ORDER BY v.started_at, v.id");
    std::vector<RecheckCandidate> candidates;
    while (query.step()) {
        auto day = Date::parseIso(query.text(2));
        if (!day) continue;
        RecheckCandidate c{query.text(0), query.text(1), *day, claimRouteFromName(query.text(3)).value_or(ClaimRoute::Old),
                           {query.text(4), {query.text(5), query.text(6), query.text(7)}}, std::nullopt,
                           Date::parseIso(query.text(8))};
        if (!query.isNull(9)) c.declared = InsuranceIdentity{query.text(9), {query.text(10), query.text(11), query.text(12)}};
        candidates.push_back(std::move(c));
    }
    return candidates;
}

std::map<Date, int> FacilityJournal::officialRates() {
    std::lock_guard lock(mutex_);
    Statement query = db_->prepare("SELECT month, basis_points FROM official_usage_rates");
    std::map<Date, int> rates;
    while (query.step())
        if (auto month = Date::parseIso(query.text(0) + "-01")) rates[*month] = static_cast<int>(query.integer(1));
    return rates;
}

Outcome<bool> FacilityJournal::setOfficialRate(const Date& month, int basisPoints, const std::string& staffId,
                                                  const LocalDateTime& at) {
    if (basisPoints < 0 || basisPoints > 10000) return Problem{"journal.rate_range", N_("The rate must be between 0% and 100%.")};
    std::lock_guard lock(mutex_);
    try {
        Transaction transaction(*db_);
        std::string key = month.iso().substr(0, 7);
        db_->prepare("INSERT INTO official_usage_rates(month, basis_points, entered_by, entered_at) VALUES(?,?,?,?) "
                    "ON CONFLICT(month) DO UPDATE SET basis_points=excluded.basis_points, entered_by=excluded.entered_by, "
                    "entered_at=excluded.entered_at")
            .bind(1, key).bind(2, static_cast<std::int64_t>(basisPoints)).bind(3, staffId).bind(4, at.iso()).run();
        appendAuditRow({at.iso(), staffId, "usage.official_rate", "", "", key + "=" + std::to_string(basisPoints), ""});
        commitAndAnchor(transaction, at.iso());
        return true;
    } catch (const StorageError& error) {
        return storageProblem(error);
    }
}

Outcome<bool> FacilityJournal::recordPatientContacted(const std::string& visitId, const Date& contactedOn,
                                                         const std::string& staffId, const LocalDateTime& at) {
    std::lock_guard lock(mutex_);
    try {
        Transaction transaction(*db_);
        Statement visit = db_->prepare("SELECT COALESCE(v.patient_id, '') FROM visits v JOIN claim_remarks r "
                                      "ON r.visit_id = v.id WHERE v.id = ?");
        visit.bind(1, visitId);
        if (!visit.step())
            return Problem{"journal.no_remarks", N_("This visit has no 被保険者資格申立書 (no 摘要欄 data).")};
        std::string patient = visit.text(0);
        db_->prepare("UPDATE claim_remarks SET patient_contacted_on = ? WHERE visit_id = ?")
            .bind(1, contactedOn.iso()).bind(2, visitId).run();
        appendAuditRow({at.iso(), staffId, "visit.patient_contacted", patient, visitId, contactedOn.iso(), ""});
        commitAndAnchor(transaction, at.iso());
        return true;
    } catch (const StorageError& error) {
        return storageProblem(error);
    }
}

VisitList FacilityJournal::visit(const std::string& visitId) {
    std::lock_guard lock(mutex_);
    Statement query = db_->prepare(kSummaryColumns + "WHERE v.id = ?");
    query.bind(1, visitId);
    VisitList found;
    if (query.step()) addSummary(found, query);
    return found;
}

void FacilityJournal::recordAccess(const std::string& staffId, const std::string& patientId, const std::string& what,
                                      const LocalDateTime& at) {
    std::lock_guard lock(mutex_);
    Transaction transaction(*db_);  // the chain's last row must not move between reading it and appending
    appendAuditRow({at.iso(), staffId, "patient.read", patientId, "", what, ""});
    commitAndAnchor(transaction, at.iso());
}

}  // namespace madoguchi::storage
