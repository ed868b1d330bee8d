#include "storage_fixtures.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>

#include "environment.h"
#ifndef _WIN32
#include "postgres_server.h"
#endif
#include "platform/posix_files.h"
#include "platform/utf8_path.h"
#include "storage/open_database.h"
#include "storage/sqlite.h"

namespace madoguchi::test {

LocalDateTime at(int year, unsigned month, unsigned day, int hour, int minute) {
    return LocalDateTime{*Date::fromYmd(year, month, day), hour, minute, 0};
}

VisitRecord sampleVisit(const std::string& visitId, const std::string& patientId, const LocalDateTime& started) {
    VisitRecord v;
    v.visitId = visitId;
    v.patientId = patientId;
    v.patient.name = "山田　太郎";
    v.patient.nameKana = "ヤマダ　タロウ";
    v.patient.birthDate = Date::fromYmd(1980, 4, 1);
    v.patient.sex = "1";
    v.patient.address = "東京都千代田区霞が関1-2-2";
    v.identityMethod = IdentityMethod::Face;
    v.source = EligibilitySource::OnlineCard;
    v.insurance = {"06139993", {"12", "3456", "01"}};
    v.claimRoute = ClaimRoute::Current;
    v.share = *CopayShare::fromTenths(3);
    v.shareBasis = "age 46";
    v.points = 1235;
    v.copay = copayAmount(1235, v.share);
    v.rawGatewayXml = "<XmlMsg><MessageBody><QualificationValidity>1</QualificationValidity></MessageBody></XmlMsg>";
    v.staffId = "uketsuke1";
    v.startedAt = started;
    v.completedAt = started;
    v.completedAt.minute += 3;
    return v;
}

VisitRecord oldClaimVisit(const std::string& visitId, const std::string& patientId, const LocalDateTime& started) {
    VisitRecord v = sampleVisit(visitId, patientId, started);
    v.identityMethod = IdentityMethod::None;
    v.source = EligibilitySource::PastRecord;
    v.claimRoute = ClaimRoute::Old;
    v.rawGatewayXml.clear();
    v.pendingRequestId = "REQ-" + visitId;  // the online check did not answer in time
    return v;
}

VisitRecord unknownClaimVisit(const std::string& visitId, const std::string& patientId, const LocalDateTime& started) {
    VisitRecord v = sampleVisit(visitId, patientId, started);
    v.identityMethod = IdentityMethod::None;
    v.source = EligibilitySource::SelfDeclaration;
    v.claimRoute = ClaimRoute::Unknown;
    v.insurance = {"77777777", {"", "77777777", ""}};
    v.rawGatewayXml.clear();
    return v;
}

bool onServer() {
    const char* engine = std::getenv("MADOGUCHI_TEST_ENGINE");
    return engine && std::string(engine) == "postgres";
}

bool onSqlite() { return !onServer(); }

#ifndef _WIN32
PostgresServer& testServer() {
    static std::unique_ptr<PostgresServer> server;
    if (!server) server = std::make_unique<PostgresServer>();
    return *server;
}
#endif

JournalPlace::JournalPlace() {
    if (!onServer()) {
        journal_ = location(folder_ / "journal.sqlite3");
        return;
    }
#ifdef _WIN32
    throw std::runtime_error("no site server (PostgreSQL) in the Windows build");
#else
    setEnvironment("XDG_DATA_HOME", (folder_ / "data").string());
    journal_ = testServer().createDatabase();
#endif
}

std::string location(const std::filesystem::path& file) { return platform::utf8Text(file); }

long long scalar(const std::filesystem::path& file, const std::string& sql) { return scalar(location(file), sql); }
std::string text(const std::filesystem::path& file, const std::string& sql) { return text(location(file), sql); }
storage::AuditVerdict verifyJournal(const std::filesystem::path& file) { return verifyJournal(location(file)); }

void undoSchemaNine(storage::Database& db) {
    db.execute(std::string(onServer() ? "DROP TRIGGER patients_name_to_visits ON patients; "
                                        "DROP FUNCTION patients_name_to_visits(); "
                                      : "DROP TRIGGER patients_name_to_visits; ") +
               "DROP INDEX visits_daily; DROP INDEX visits_follow_up; ALTER TABLE visits DROP COLUMN patient_name; "
               "CREATE INDEX visits_by_date ON visits(visit_date);" +
               (onServer() ? "CREATE INDEX visits_follow_up ON visits(started_at, id) INCLUDE (patient_id, visit_date, "
                             "identity_method, source, validity, claim_route, share_tenths, copay_yen, full_charge_reason, "
                             "cancelled, share_decided_tenths, share_correction_reason, \"window\") "
                           : "CREATE INDEX visits_follow_up ON visits(started_at, id, patient_id, visit_date, identity_method, "
                             "source, validity, claim_route, share_tenths, copay_yen, full_charge_reason, cancelled, "
                             "share_decided_tenths, share_correction_reason, \"window\") ") +
               "WHERE claim_route IN ('old', 'unknown') AND cancelled = 0;");
}

std::string planOf(const std::string& location, const std::string& question) {
    auto db = storage::openDatabase(location, true);
    std::string plan;
    if (onServer()) {
        db->execute("SET enable_seqscan = off");
        auto rows = db->prepare("EXPLAIN " + question);
        while (rows.step()) plan += rows.text(0) + "\n";
    } else {
        auto rows = db->prepare("EXPLAIN QUERY PLAN " + question);
        while (rows.step()) plan += rows.text(3) + "\n";
    }
    return plan;
}

long long scalar(const std::string& location, const std::string& sql) {
    auto connection = storage::openDatabase(location, true);
    auto query = connection->prepare(sql);
    return query.step() ? query.integer(0) : -1;
}

std::string text(const std::string& location, const std::string& sql) {
    auto connection = storage::openDatabase(location, true);
    auto query = connection->prepare(sql);
    return query.step() ? query.text(0) : std::string();
}

std::string integrityCheck(const std::filesystem::path& db) { return text(db, "PRAGMA integrity_check"); }

storage::AuditVerdict verifyJournal(const std::string& location) {
    storage::AuditKey key = storage::AuditKey::load(storage::defaultAuditKeyPath());
    auto connection = storage::openDatabase(location, true);
    return storage::verifyAudit(*connection, key, storage::readAnchorLines(storage::anchorPathForLocation(location), key));
}

long long anchorLineCount(const std::filesystem::path& anchorFile) {
    std::ifstream in(anchorFile, std::ios::binary);
    return std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n');
}

bool chainIntact(storage::Database& db) {
    storage::AuditKey key = storage::AuditKey::load(storage::defaultAuditKeyPath());
    storage::AnchorLines none;
    none.found = true;
    return storage::verifyAudit(db, key, none).intact();
}

std::filesystem::path passwordFile(const std::filesystem::path& folder, const std::string& password) {
    // Created private (0600; on Windows with the private DACL from the start, platform/posix_files.h).
    auto file = folder / "password.txt";
    std::filesystem::remove(file);
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | platform::kPrivateAcl, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + location(file));
    const std::string line = password + "\n";
    const bool written = ::write(fd, line.data(), static_cast<unsigned>(line.size())) == static_cast<int>(line.size());
    ::close(fd);
    if (!written) throw std::runtime_error("cannot write " + location(file));
    return file;
}

}  // namespace madoguchi::test
