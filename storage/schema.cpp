#include "storage/schema.h"

#include <string>
#include <vector>

namespace madoguchi::storage {
namespace {

// Schema 7's counts filled from the visits already there (the same SQL on both engines), and the
// index the follow-up index replaces.
const std::string kUsageCountsFromVisits = R"(
       INSERT INTO usage_patient_months(month, who, with_card)
         SELECT substr(visit_date, 1, 7), CASE WHEN COALESCE(patient_id, '') = '' THEN id ELSE patient_id END,
                MAX(CASE WHEN source = 'online_card' THEN 1 ELSE 0 END)
         FROM visits WHERE cancelled = 0 GROUP BY 1, 2;
       CREATE TABLE usage_months(
         month TEXT PRIMARY KEY, patients_seen INTEGER NOT NULL, patients_with_card INTEGER NOT NULL);
       INSERT INTO usage_months(month, patients_seen, patients_with_card)
         SELECT month, COUNT(*), SUM(with_card) FROM usage_patient_months GROUP BY month;
       DROP INDEX visits_by_route;)";

// Schema 8, the same on both engines.
const std::string kAuditByPatient = "CREATE INDEX audit_by_patient ON audit_log(patient_id, action, at);";

// Schema 9: each visit carries its patient's name (patients.name, the newest the reception saw),
// filled from the patients here and kept by a trigger on patients in the same transaction as the
// name's change (both engines declare it their own way); the daily log's rows get a covering index in
// their order (visits_daily, in place of visits_by_date), and the follow-up index carries the name.
const std::string kPatientNameOnVisits = R"(
       ALTER TABLE visits ADD COLUMN patient_name TEXT NOT NULL DEFAULT '';
       UPDATE visits SET patient_name = p.name FROM patients p WHERE p.id = visits.patient_id AND p.name <> '';
       DROP INDEX visits_by_date;
       DROP INDEX visits_follow_up;)";

// Never edit a released step: add a new one. The 個人番号 has no column, by design.
const std::vector<std::string> kSqliteMigrations{
    // 1: patients, visits, eligibility snapshots, re-tags, staff, the audit trail
    R"(CREATE TABLE patients(
         id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', name_kana TEXT NOT NULL DEFAULT '',
         birth_date TEXT, sex TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
         phone TEXT NOT NULL DEFAULT '', employer TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);
       CREATE TABLE visits(
         id TEXT PRIMARY KEY, patient_id TEXT REFERENCES patients(id), visit_date TEXT NOT NULL,
         started_at TEXT NOT NULL, completed_at TEXT NOT NULL, staff_id TEXT NOT NULL,
         identity_method TEXT NOT NULL, identity_confirmed_by TEXT NOT NULL DEFAULT '', source TEXT NOT NULL,
         validity TEXT NOT NULL DEFAULT '', claim_route TEXT NOT NULL, insurer_number TEXT NOT NULL DEFAULT '',
         card_symbol TEXT NOT NULL DEFAULT '', card_number TEXT NOT NULL DEFAULT '', card_branch TEXT NOT NULL DEFAULT '',
         share_tenths INTEGER NOT NULL, share_basis TEXT NOT NULL DEFAULT '', points INTEGER, copay_yen INTEGER,
         full_charge_reason TEXT NOT NULL DEFAULT '', cancelled INTEGER NOT NULL DEFAULT 0,
         pending_request_id TEXT NOT NULL DEFAULT '', record_json TEXT NOT NULL);
       CREATE INDEX visits_by_date ON visits(visit_date);
       CREATE INDEX visits_by_patient ON visits(patient_id, completed_at);
       CREATE TABLE eligibility_snapshots(
         id INTEGER PRIMARY KEY, visit_id TEXT NOT NULL REFERENCES visits(id), received_at TEXT NOT NULL,
         raw_xml TEXT NOT NULL);
       CREATE TABLE retags(
         id INTEGER PRIMARY KEY, visit_id TEXT NOT NULL REFERENCES visits(id), from_route TEXT NOT NULL,
         to_route TEXT NOT NULL, staff_id TEXT NOT NULL, reason TEXT NOT NULL, evidence TEXT NOT NULL, at TEXT NOT NULL);
       CREATE TABLE staff(
         id TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, salt BLOB NOT NULL,
         iterations INTEGER NOT NULL, password_hash BLOB NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0,
         locked_until TEXT NOT NULL DEFAULT '');
       CREATE TABLE audit_log(
         seq INTEGER PRIMARY KEY, at TEXT NOT NULL, staff_id TEXT NOT NULL, action TEXT NOT NULL,
         patient_id TEXT NOT NULL DEFAULT '', visit_id TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',
         prev_hash TEXT NOT NULL, row_hash TEXT NOT NULL);
       CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
       CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;)",
    // 2: 初診/再診 on the visit, the follow-up index, the official usage rates the manager enters
    R"(ALTER TABLE visits ADD COLUMN visit_kind TEXT NOT NULL DEFAULT 'unspecified';
       CREATE INDEX visits_by_route ON visits(claim_route, visit_date);
       CREATE INDEX visits_by_pending ON visits(pending_request_id);
       CREATE TABLE official_usage_rates(
         month TEXT PRIMARY KEY, basis_points INTEGER NOT NULL, entered_by TEXT NOT NULL, entered_at TEXT NOT NULL);)",
    // 3: the window on each audit row (the chain is keyed from here: FacilityJournal seals the
    // plain rows' head), and the forced password change of an account an administrator made
    R"(ALTER TABLE audit_log ADD COLUMN window TEXT NOT NULL DEFAULT '';
       ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;)",
    // 4: the insurer's name, a share staff corrected (the rules' share and why), the 摘要欄 data of
    //    the 申立書 (claim_remarks: the numbers as declared, kept even when the claim carries 7s)
    R"(ALTER TABLE visits ADD COLUMN insurer_name TEXT NOT NULL DEFAULT '';
       ALTER TABLE visits ADD COLUMN share_decided_tenths INTEGER;
       ALTER TABLE visits ADD COLUMN share_correction_reason TEXT NOT NULL DEFAULT '';
       CREATE TABLE claim_remarks(
         visit_id TEXT PRIMARY KEY REFERENCES visits(id), name_kana TEXT NOT NULL, insurance_type TEXT NOT NULL,
         insurer_name TEXT NOT NULL, employer TEXT NOT NULL, address TEXT NOT NULL, phone TEXT NOT NULL,
         declared_insurer_number TEXT NOT NULL, declared_card_symbol TEXT NOT NULL,
         declared_card_number TEXT NOT NULL, declared_card_branch TEXT NOT NULL,
         patient_contacted_on TEXT NOT NULL DEFAULT '');)",
    // 5: the window that recorded each visit (the window-name setting): a site's windows share one journal
    R"(ALTER TABLE visits ADD COLUMN "window" TEXT NOT NULL DEFAULT '';)",
    // 6: the personal passcode for a quick switch at a window (PBKDF2 like the password, its own
    //    failure count: locked at kPasscodeFailuresBeforeLock until the holder signs in by password)
    R"(ALTER TABLE staff ADD COLUMN passcode_salt BLOB NOT NULL DEFAULT x'';
       ALTER TABLE staff ADD COLUMN passcode_hash BLOB NOT NULL DEFAULT x'';
       ALTER TABLE staff ADD COLUMN passcode_failures INTEGER NOT NULL DEFAULT 0;)",
    // 7: the hospital-scale reports. usage_patient_months: one row per month and patient seen (a
    //    visit without a patient number is its own patient), with_card once the card was used
    //    online that month; usage_months: those rows counted per month, what the usage report
    //    reads instead of six months of visits. FacilityJournal keeps both in the visit's
    //    transaction; the step fills them from the visits already there. visits_follow_up: the
    //    follow-up list's rows in its order, with every column the list shows, so it reads neither
    //    the visits nor a sort; it replaces visits_by_route (which SQLite's planner would prefer).
    R"(CREATE TABLE usage_patient_months(
         month TEXT NOT NULL, who TEXT NOT NULL, with_card INTEGER NOT NULL, PRIMARY KEY(month, who)) WITHOUT ROWID;)" +
        kUsageCountsFromVisits + R"(
       CREATE INDEX visits_follow_up ON visits(started_at, id, patient_id, visit_date, identity_method, source,
         validity, claim_route, share_tenths, copay_yen, full_charge_reason, cancelled, share_decided_tenths,
         share_correction_reason, "window") WHERE claim_route IN ('old', 'unknown') AND cancelled = 0;)",
    // 8: the audit rows of one patient and action, newest last: the 6-hour rule of a 薬剤情報 or
    //    特定健診 fetch (FacilityJournal::lastAudited) seeks its answer instead of reading the trail
    kAuditByPatient,
    // 9: the patient's name on the visit (kPatientNameOnVisits), the daily and follow-up covering indexes
    kPatientNameOnVisits + R"(
       CREATE TRIGGER patients_name_to_visits AFTER UPDATE OF name ON patients WHEN new.name IS NOT old.name
         BEGIN UPDATE visits SET patient_name = new.name WHERE patient_id = new.id; END;
       CREATE INDEX visits_daily ON visits(visit_date, started_at, id, patient_id, patient_name, identity_method,
         source, validity, claim_route, share_tenths, copay_yen, full_charge_reason, cancelled, share_decided_tenths,
         share_correction_reason, "window");
       CREATE INDEX visits_follow_up ON visits(started_at, id, patient_id, patient_name, visit_date, identity_method,
         source, validity, claim_route, share_tenths, copay_yen, full_charge_reason, cancelled, share_decided_tenths,
         share_correction_reason, "window") WHERE claim_route IN ('old', 'unknown') AND cancelled = 0;)",
};

// The same steps on PostgreSQL, one for one (the version numbers mean the same schema on both).
// Differences: BYTEA for blobs, identity columns, "window" quoted (a reserved word there), the
// append-only rule as a trigger function.
const std::vector<std::string> kPostgresMigrations{
    // 1
    R"(CREATE TABLE patients(
         id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', name_kana TEXT NOT NULL DEFAULT '',
         birth_date TEXT, sex TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
         phone TEXT NOT NULL DEFAULT '', employer TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);
       CREATE TABLE visits(
         id TEXT PRIMARY KEY, patient_id TEXT REFERENCES patients(id), visit_date TEXT NOT NULL,
         started_at TEXT NOT NULL, completed_at TEXT NOT NULL, staff_id TEXT NOT NULL,
         identity_method TEXT NOT NULL, identity_confirmed_by TEXT NOT NULL DEFAULT '', source TEXT NOT NULL,
         validity TEXT NOT NULL DEFAULT '', claim_route TEXT NOT NULL, insurer_number TEXT NOT NULL DEFAULT '',
         card_symbol TEXT NOT NULL DEFAULT '', card_number TEXT NOT NULL DEFAULT '', card_branch TEXT NOT NULL DEFAULT '',
         share_tenths INTEGER NOT NULL, share_basis TEXT NOT NULL DEFAULT '', points BIGINT, copay_yen BIGINT,
         full_charge_reason TEXT NOT NULL DEFAULT '', cancelled INTEGER NOT NULL DEFAULT 0,
         pending_request_id TEXT NOT NULL DEFAULT '', record_json TEXT NOT NULL);
       CREATE INDEX visits_by_date ON visits(visit_date);
       CREATE INDEX visits_by_patient ON visits(patient_id, completed_at);
       CREATE TABLE eligibility_snapshots(
         id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, visit_id TEXT NOT NULL REFERENCES visits(id),
         received_at TEXT NOT NULL, raw_xml TEXT NOT NULL);
       CREATE TABLE retags(
         id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, visit_id TEXT NOT NULL REFERENCES visits(id),
         from_route TEXT NOT NULL, to_route TEXT NOT NULL, staff_id TEXT NOT NULL, reason TEXT NOT NULL,
         evidence TEXT NOT NULL, at TEXT NOT NULL);
       CREATE TABLE staff(
         id TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, salt BYTEA NOT NULL,
         iterations INTEGER NOT NULL, password_hash BYTEA NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0,
         locked_until TEXT NOT NULL DEFAULT '');
       CREATE TABLE audit_log(
         seq BIGINT PRIMARY KEY, at TEXT NOT NULL, staff_id TEXT NOT NULL, action TEXT NOT NULL,
         patient_id TEXT NOT NULL DEFAULT '', visit_id TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',
         prev_hash TEXT NOT NULL, row_hash TEXT NOT NULL);
       CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
         $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$;
       CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
         FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
       CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
         FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();)",
    // 2
    R"(ALTER TABLE visits ADD COLUMN visit_kind TEXT NOT NULL DEFAULT 'unspecified';
       CREATE INDEX visits_by_route ON visits(claim_route, visit_date);
       CREATE INDEX visits_by_pending ON visits(pending_request_id);
       CREATE TABLE official_usage_rates(
         month TEXT PRIMARY KEY, basis_points INTEGER NOT NULL, entered_by TEXT NOT NULL, entered_at TEXT NOT NULL);)",
    // 3
    R"(ALTER TABLE audit_log ADD COLUMN "window" TEXT NOT NULL DEFAULT '';
       ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;)",
    // 4
    R"(ALTER TABLE visits ADD COLUMN insurer_name TEXT NOT NULL DEFAULT '';
       ALTER TABLE visits ADD COLUMN share_decided_tenths INTEGER;
       ALTER TABLE visits ADD COLUMN share_correction_reason TEXT NOT NULL DEFAULT '';
       CREATE TABLE claim_remarks(
         visit_id TEXT PRIMARY KEY REFERENCES visits(id), name_kana TEXT NOT NULL, insurance_type TEXT NOT NULL,
         insurer_name TEXT NOT NULL, employer TEXT NOT NULL, address TEXT NOT NULL, phone TEXT NOT NULL,
         declared_insurer_number TEXT NOT NULL, declared_card_symbol TEXT NOT NULL,
         declared_card_number TEXT NOT NULL, declared_card_branch TEXT NOT NULL,
         patient_contacted_on TEXT NOT NULL DEFAULT '');)",
    // 5
    R"(ALTER TABLE visits ADD COLUMN "window" TEXT NOT NULL DEFAULT '';)",
    // 6
    R"(ALTER TABLE staff ADD COLUMN passcode_salt BYTEA NOT NULL DEFAULT '\x'::bytea;
       ALTER TABLE staff ADD COLUMN passcode_hash BYTEA NOT NULL DEFAULT '\x'::bytea;
       ALTER TABLE staff ADD COLUMN passcode_failures INTEGER NOT NULL DEFAULT 0;)",
    // 7 (INCLUDE: the shown columns ride in the index without ordering it)
    R"(CREATE TABLE usage_patient_months(
         month TEXT NOT NULL, who TEXT NOT NULL, with_card INTEGER NOT NULL, PRIMARY KEY(month, who));)" +
        kUsageCountsFromVisits + R"(
       CREATE INDEX visits_follow_up ON visits(started_at, id) INCLUDE (patient_id, visit_date, identity_method,
         source, validity, claim_route, share_tenths, copay_yen, full_charge_reason, cancelled, share_decided_tenths,
         share_correction_reason, "window") WHERE claim_route IN ('old', 'unknown') AND cancelled = 0;)",
    // 8
    kAuditByPatient,
    // 9
    kPatientNameOnVisits + R"(
       CREATE FUNCTION patients_name_to_visits() RETURNS trigger LANGUAGE plpgsql AS
         $$ BEGIN UPDATE visits SET patient_name = NEW.name WHERE patient_id = NEW.id; RETURN NULL; END; $$;
       CREATE TRIGGER patients_name_to_visits AFTER UPDATE OF name ON patients FOR EACH ROW
         WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION patients_name_to_visits();
       CREATE INDEX visits_daily ON visits(visit_date, started_at, id) INCLUDE (patient_id, patient_name,
         identity_method, source, validity, claim_route, share_tenths, copay_yen, full_charge_reason, cancelled,
         share_decided_tenths, share_correction_reason, "window");
       CREATE INDEX visits_follow_up ON visits(started_at, id) INCLUDE (patient_id, patient_name, visit_date,
         identity_method, source, validity, claim_route, share_tenths, copay_yen, full_charge_reason, cancelled,
         share_decided_tenths, share_correction_reason, "window") WHERE claim_route IN ('old', 'unknown') AND cancelled = 0;)",
};

const std::vector<std::string>& migrationsOf(const Database& db) {
    return db.engine() == Engine::Postgres ? kPostgresMigrations : kSqliteMigrations;
}

}  // namespace

int currentSchemaVersion() { return static_cast<int>(kSqliteMigrations.size()); }

void configureConnection(Database& db) {
    // temp_store: a statement's undo pages and sort spills stay in memory, never in a file of the
    // temporary folder (pages of patients' rows would land there, outside the journal's private files).
    if (db.engine() == Engine::Sqlite)
        db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
                   "PRAGMA temp_store = MEMORY;");
}

void migrate(Database& db, int target) {
    const auto& steps = migrationsOf(db);
    const int goal = target < 0 ? static_cast<int>(steps.size()) : target;
    // Every missing step in one write transaction, the version read inside it: two windows
    // starting at once against the same server apply each step once, a step that fails leaves
    // the journal as it was, and a new journal costs one commit (one fsync), not one per step.
    Transaction transaction(db);
    const int version = db.schemaVersion();
    if (version > static_cast<int>(steps.size()))
        throw StorageError("the journal was written by a newer Madoguchi (schema " + std::to_string(version) +
                               "); this program knows schema " + std::to_string(steps.size()),
                           StorageFailure::Other);
    if (version >= goal) return;
    for (int step = version; step < goal; ++step) db.execute(steps[static_cast<std::size_t>(step)]);
    db.setSchemaVersion(goal);
    transaction.commit();
}

}  // namespace madoguchi::storage
