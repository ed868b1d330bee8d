// Schema 8's audit_by_patient index on audit_log(patient_id, action, at): a new journal has it, a
// journal of schema 7 with audit rows gets it from the migration and loses nothing, the 6-hour
// rule's question (FacilityJournal::lastAudited) is answered from it, and the answer names the
// patient as the audit rows do (the patient number, else the visit). On both engines (the suite
// runs in qa_storage and qa_storage_postgres).
#include <boost/test/unit_test.hpp>

#include "storage/open_database.h"
#include "storage/schema.h"
#include "storage_fixtures.h"

using namespace madoguchi;
using madoguchi::test::at;

namespace {

// The index's definition as the engine keeps it: its columns in order.
std::string indexColumns(const std::string& location) {
    if (test::onServer())
        return test::text(location, "SELECT indexdef FROM pg_indexes WHERE indexname = 'audit_by_patient'");
    auto db = storage::openDatabase(location, true);
    auto columns = db->prepare("SELECT name FROM pragma_index_info('audit_by_patient') ORDER BY seqno");
    std::string list;
    while (columns.step()) list += (list.empty() ? "" : ", ") + columns.text(0);
    return list.empty() ? list : "(" + list + ")";
}

// How the engine runs lastAudited's question for a patient.
std::string planOfLastAudited(const std::string& location) {
    return test::planOf(location, "SELECT MAX(at) FROM audit_log WHERE patient_id = 'P-1' AND action = 'medication.fetch'");
}

void writeFetches(storage::FacilityJournal& journal) {
    journal.audit({at(2026, 11, 2, 9).iso(), "yakuzaishi", "medication.fetch", "P-1", "V-1", "YZK first", ""});
    journal.audit({at(2026, 11, 2, 11).iso(), "yakuzaishi", "medication.fetch", "P-1", "V-1", "YZK again", ""});
    journal.audit({at(2026, 11, 2, 12).iso(), "yakuzaishi", "checkups.fetch", "P-1", "V-1", "TKK", ""});
    journal.audit({at(2026, 11, 2, 13).iso(), "yakuzaishi", "medication.fetch", "P-2", "V-2", "YZK other", ""});
    // A patient without a patient number: named by the visit, as the visit's own rows name them.
    journal.audit({at(2026, 11, 2, 14).iso(), "yakuzaishi", "medication.fetch", "", "V-3", "YZK unnumbered", ""});
}

void checkLastFetches(storage::FacilityJournal& journal) {
    auto last = journal.lastAudited("medication.fetch", "P-1", "V-1");
    BOOST_REQUIRE(last);
    BOOST_CHECK_EQUAL(last->iso(), at(2026, 11, 2, 11).iso());
    BOOST_CHECK_EQUAL(journal.lastAudited("checkups.fetch", "P-1", "V-1")->iso(), at(2026, 11, 2, 12).iso());
    BOOST_CHECK(!journal.lastAudited("checkups.fetch", "P-2", "V-2"));
    // The patient number decides, whatever the visit.
    BOOST_CHECK_EQUAL(journal.lastAudited("medication.fetch", "P-1", "V-9")->iso(), at(2026, 11, 2, 11).iso());
    // Without a number: that visit's rows only, never another unnumbered visit's or a numbered patient's.
    BOOST_CHECK_EQUAL(journal.lastAudited("medication.fetch", "", "V-3")->iso(), at(2026, 11, 2, 14).iso());
    BOOST_CHECK(!journal.lastAudited("medication.fetch", "", "V-4"));
    BOOST_CHECK(!journal.lastAudited("medication.fetch", "", "V-1"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(AuditIndex)

BOOST_AUTO_TEST_CASE(ANewJournalAnswersTheLastFetchFromTheIndex) {
    test::JournalPlace place;
    storage::FacilityJournal journal(place.journal());
    BOOST_CHECK(indexColumns(place.journal()).ends_with("(patient_id, action, at)"));
    writeFetches(journal);
    checkLastFetches(journal);
    BOOST_CHECK_MESSAGE(planOfLastAudited(place.journal()).find("audit_by_patient") != std::string::npos,
                        planOfLastAudited(place.journal()));
}

BOOST_AUTO_TEST_CASE(AJournalOfSchemaSevenWithAuditRowsGetsTheIndexAndKeepsItsChain) {
    test::JournalPlace place;
    {
        storage::FacilityJournal journal(place.journal());
        writeFetches(journal);
    }
    {  // back to schema 7 as the previous Madoguchi left it
        auto db = storage::openDatabase(place.journal());
        storage::Transaction transaction(*db);
        test::undoSchemaNine(*db);
        db->execute("DROP INDEX audit_by_patient");
        db->setSchemaVersion(7);
        transaction.commit();
    }
    BOOST_REQUIRE_EQUAL(indexColumns(place.journal()), "");
    const long long rows = test::scalar(place.journal(), "SELECT COUNT(*) FROM audit_log");
    storage::FacilityJournal journal(place.journal());  // migrates
    BOOST_CHECK_EQUAL(journal.database().schemaVersion(), storage::currentSchemaVersion());
    BOOST_CHECK_GE(storage::currentSchemaVersion(), 8);
    BOOST_CHECK(indexColumns(place.journal()).ends_with("(patient_id, action, at)"));
    BOOST_CHECK_GE(test::scalar(place.journal(), "SELECT COUNT(*) FROM audit_log"), rows);
    BOOST_CHECK(test::verifyJournal(place.journal()).intact());
    checkLastFetches(journal);
}

BOOST_AUTO_TEST_SUITE_END()
