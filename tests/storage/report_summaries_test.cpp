// The reports' fast paths of schema 7 and 9 — the usage report counting usage_patient_months, the
// follow-up list read from its partial index, the daily log from its covering index, the patient's
// name carried by each visit — against a straightforward recomputation from every visit and from
// the patients, on a generated stretch with re-tags (both ways), cancellations, visits without a
// patient number and a patient whose name changed; and a journal of schema 6 with visits,
// migrated: the counts and the names back-filled. On both engines (the suite runs in qa_storage
// and qa_storage_postgres).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <span>
#include <sstream>

#include "app/visit_generator.h"
#include "domain/manager_desk.h"
#include "storage/open_database.h"
#include "storage/schema.h"
#include "storage_fixtures.h"

using namespace madoguchi;
using madoguchi::test::at;

namespace {

const StaffMember kManager{"jimucho", "事務長", StaffRole::Manager};
const Date kFirst = *Date::fromYmd(2026, 7, 20);
constexpr int kDays = 80;  // July to October
const Date kLast = kFirst.plusDays(kDays - 1);
const std::string kNewName = "佐藤　花子";  // a patient's name after a change

// Every field of a report row, so that two lists compare field by field.
std::string describe(std::span<const VisitSummary> visits) {
    std::ostringstream text;
    for (const VisitSummary& v : visits)
        text << v.visitId << "|" << v.patientId << "|" << v.patientName << "|" << v.date.iso() << "|" << v.startedAt
             << "|" << v.identityMethod << "|" << v.source << "|" << v.validity << "|" << v.claimRoute << "|"
             << v.shareTenths << "|" << (v.copayYen ? std::to_string(*v.copayYen) : "-") << "|" << v.fullChargeReason
             << "|" << (v.cancelled ? "c" : "") << "|"
             << (v.shareDecidedTenths ? std::to_string(*v.shareDecidedTenths) : "-") << "|" << v.shareCorrectionReason
             << "|" << v.claimRemarks << "|" << v.window << "\n";
    return text.str();
}

// The follow-up list the slow way: every visit, filtered in the journal's own order.
VisitList followUpsFromEveryVisit(storage::FacilityJournal& journal) {
    VisitList list;
    for (const VisitSummary& v : journal.visitsBetween(kFirst, kLast))
        if ((v.claimRoute == "old" || v.claimRoute == "unknown") && !v.cancelled) list.add(v);
    return list;
}

// Every patient's name as the patients table holds it now (the newest the reception saw).
std::map<std::string, std::string, std::less<>> namesFromPatients(const std::string& location) {
    auto db = storage::openDatabase(location, true);
    auto rows = db->prepare("SELECT id, name FROM patients");
    std::map<std::string, std::string, std::less<>> names;
    while (rows.step()) names[rows.text(0)] = rows.text(1);
    return names;
}

// The rows with each patient's name looked up in the patients table, as the reports showed it
// before schema 9 (a join per row; a visit without a patient number has no name).
VisitList withNamesFromPatients(VisitList visits, const std::string& location) {
    const auto names = namesFromPatients(location);
    for (VisitSummary& v : visits) {
        auto found = names.find(v.patientId);
        v.patientName = found == names.end() ? std::string_view() : visits.keep(found->second);
    }
    return visits;
}

// The usage counts the slow way: the domain's rule over every visit.
std::map<Date, MonthPatients> patientsFromEveryVisit(storage::FacilityJournal& journal) {
    std::vector<UsageVisit> visits;
    for (const VisitSummary& v : journal.visitsBetween(kFirst, kLast))
        visits.push_back({std::string(v.visitId), std::string(v.patientId), v.date, v.source == "online_card", v.cancelled});
    return countPatientsByMonth(visits);
}

// A stretch as a window writes it: generated days, single visits (some without a patient number,
// one cancelled), re-tags to CURRENT and back to OLD.
void writeStretch(storage::FacilityJournal& journal) {
    app::VisitGenerator generator(5, 150);
    for (int d = 0; d < kDays; ++d) BOOST_REQUIRE(journal.recordVisits(generator.day(kFirst.plusDays(d), 25)).ok());
    for (int i = 0; i < 6; ++i) {
        VisitRecord walkIn = i % 2 ? test::oldClaimVisit("W" + std::to_string(i), "", at(2026, 9, 3 + i, 8))
                                   : test::sampleVisit("W" + std::to_string(i), "", at(2026, 9, 3 + i, 8));
        walkIn.cancelled = i == 4;
        BOOST_REQUIRE(journal.recordVisit(walkIn).ok());
    }
    BOOST_REQUIRE(journal.recordVisit(test::unknownClaimVisit("S1", "P7", at(2026, 10, 2, 10))).ok());
    VisitRecord declared = test::unknownClaimVisit("S2", "P8", at(2026, 10, 3, 10));  // a 申立書 with its 摘要欄 data
    declared.claimRemarks = ClaimRemarks{"ヤマダ　タロウ", DeclaredInsuranceType::Unknown, "協会けんぽ東京", "", "", "",
                                         {"01130012", {"1234", "5678", ""}}, std::nullopt};
    BOOST_REQUIRE(journal.recordVisit(declared).ok());
    const auto followUps = journal.followUps();
    BOOST_REQUIRE_GT(followUps.size(), 40u);
    for (std::size_t i = 0; i < followUps.size(); i += 3)
        BOOST_REQUIRE(retagClaim(kManager, journal, {std::string(followUps[i].visitId), ClaimRoute::Current, "", "confirmed later",
                                                     "a later 照会", at(2026, 11, 2)})
                          .ok());
    const auto day = journal.visitsBetween(kFirst.plusDays(40), kFirst.plusDays(40));
    for (std::size_t i = 0; i < day.size(); i += 5)
        if (day[i].claimRoute == "current")
            BOOST_REQUIRE(retagClaim(kManager, journal, {std::string(day[i].visitId), ClaimRoute::Old, "", "the card was not valid",
                                                         "the insurer's letter", at(2026, 11, 3)})
                              .ok());
    // A patient whose name changed (a marriage): seen again under the new name, after re-tags.
    const auto stillFollowed = journal.followUps();
    const auto renamed =
        std::find_if(stillFollowed.begin(), stillFollowed.end(), [](const auto& v) { return !v.patientId.empty(); });
    BOOST_REQUIRE(renamed != stillFollowed.end());
    VisitRecord again = test::sampleVisit("R1", std::string(renamed->patientId), at(2026, 10, 5, 9));
    again.patient.name = kNewName;
    BOOST_REQUIRE(journal.recordVisit(again).ok());
}

// Every row of every report carries its patient's name as the patients table has it now, and the
// daily log of each day is that day's share of every visit, in the same order.
void checkNamesAndDays(storage::FacilityJournal& journal, const std::string& location) {
    const auto everyVisit = journal.visitsBetween(kFirst, kLast);
    BOOST_CHECK_EQUAL(describe(everyVisit), describe(withNamesFromPatients(everyVisit, location)));
    BOOST_CHECK(std::count_if(everyVisit.begin(), everyVisit.end(), [](const auto& v) { return v.patientName == kNewName; }) >= 2);
    for (int d = 0; d < kDays; d += 7) {
        const Date day = kFirst.plusDays(d);
        VisitList ofTheDay;
        for (const VisitSummary& v : everyVisit)
            if (v.date == day) ofTheDay.add(v);
        BOOST_REQUIRE(!ofTheDay.empty());
        BOOST_CHECK_EQUAL(describe(dailyReport(kManager, journal, day).value().visits), describe(ofTheDay));
    }
}

void checkAgainstEveryVisit(storage::FacilityJournal& journal, const std::string& location) {
    checkNamesAndDays(journal, location);
    const auto slowFollowUps = withNamesFromPatients(followUpsFromEveryVisit(journal), location);
    BOOST_CHECK_GT(slowFollowUps.size(), 30u);
    // The list joins names and remarks: both are there to compare.
    BOOST_CHECK(std::any_of(slowFollowUps.begin(), slowFollowUps.end(), [](const auto& v) { return !v.claimRemarks.empty(); }));
    BOOST_CHECK(std::any_of(slowFollowUps.begin(), slowFollowUps.end(), [](const auto& v) { return v.patientName == kNewName; }));
    BOOST_CHECK(std::any_of(slowFollowUps.begin(), slowFollowUps.end(), [](const auto& v) { return v.patientId.empty(); }));
    BOOST_CHECK_EQUAL(describe(journal.followUps()), describe(slowFollowUps));
    BOOST_CHECK_EQUAL(describe(followUpList(kManager, journal).value()), describe(slowFollowUps));

    const auto slowPatients = patientsFromEveryVisit(journal);
    BOOST_REQUIRE_EQUAL(slowPatients.size(), 4u);  // July to October
    BOOST_CHECK(journal.patientsByMonth(kFirst, kLast) == slowPatients);
    for (const auto& [month, counts] : slowPatients) BOOST_CHECK_GT(counts.seen, counts.withCard);
    const auto tiers = BonusTierTable::parse("2026-03\t2027-05\t70\t50\t30\t-\n").value();
    const auto report = usageReport(kManager, journal, *Date::fromYmd(2026, 10, 1), tiers);
    BOOST_REQUIRE(report.ok());
    const auto slowReport = computeUsageReport(*Date::fromYmd(2026, 10, 1), slowPatients, {}, tiers);
    BOOST_CHECK_EQUAL(report.value().month.patientsSeen, slowReport.month.patientsSeen);
    BOOST_CHECK_EQUAL(report.value().month.patientsWithCard, slowReport.month.patientsWithCard);
    BOOST_CHECK_EQUAL(report.value().month.estimateBasisPoints, slowReport.month.estimateBasisPoints);
    BOOST_CHECK(report.value().standing.bestMonth == slowReport.standing.bestMonth);
    BOOST_CHECK_EQUAL(report.value().standing.bestBasisPoints, slowReport.standing.bestBasisPoints);
}

// The columns the daily log and the follow-up list show from the visit (storage/visit_journal.cpp).
const std::string kShownColumns =
    "SELECT v.id, COALESCE(v.patient_id, ''), v.patient_name, v.visit_date, v.started_at, v.identity_method, "
    "v.source, v.validity, v.claim_route, v.share_tenths, v.copay_yen, v.full_charge_reason, v.cancelled, "
    "v.share_decided_tenths, v.share_correction_reason, v.\"window\" FROM visits v ";

}  // namespace

BOOST_AUTO_TEST_SUITE(ReportSummaries)

BOOST_AUTO_TEST_CASE(TheDailyLogAndTheFollowUpListReadOnlyTheirCoveringIndexes) {
    test::JournalPlace place;
    {
        storage::FacilityJournal journal(place.journal());
        app::VisitGenerator generator(5, 150);
        for (int d = 0; d < 3; ++d) BOOST_REQUIRE(journal.recordVisits(generator.day(kFirst.plusDays(d), 25)).ok());
    }
    const std::string daily = test::planOf(place.journal(), kShownColumns + "WHERE v.visit_date = '" + kFirst.iso() +
                                                          "' ORDER BY v.started_at, v.id");
    const std::string followUps = test::planOf(place.journal(), kShownColumns + "WHERE v.claim_route IN ('old', 'unknown') "
                                                                          "AND v.cancelled = 0 ORDER BY v.started_at, v.id");
    if (test::onServer()) {
        BOOST_CHECK_MESSAGE(daily.find("Index Only Scan using visits_daily") != std::string::npos, daily);
        BOOST_CHECK_MESSAGE(followUps.find("Index Only Scan using visits_follow_up") != std::string::npos, followUps);
    } else {  // neither the table nor a sort
        BOOST_CHECK_EQUAL(daily, "SEARCH v USING COVERING INDEX visits_daily (visit_date=?)\n");
        BOOST_CHECK_EQUAL(followUps, "SCAN v USING COVERING INDEX visits_follow_up\n");
    }
    for (const std::string& plan : {daily, followUps}) BOOST_CHECK_MESSAGE(plan.find("Sort") == std::string::npos, plan);
}

BOOST_AUTO_TEST_CASE(TheReportsGiveTheConnectionItsPageCacheBack) {
    if (test::onServer()) return;  // a SQLite connection's setting: the reports read with a small cache
    test::JournalPlace place;
    storage::FacilityJournal journal(place.journal());
    app::VisitGenerator generator(5, 150);
    BOOST_REQUIRE(journal.recordVisits(generator.day(kFirst, 25)).ok());
    journal.database().execute("PRAGMA cache_size = -3000");
    BOOST_CHECK_EQUAL(journal.visitsBetween(kFirst, kFirst).size(), 25u);
    BOOST_CHECK(!journal.followUps().empty());
    storage::Statement size = journal.database().prepare("PRAGMA cache_size");
    BOOST_REQUIRE(size.step());
    BOOST_CHECK_EQUAL(size.integer(0), -3000);
}

BOOST_AUTO_TEST_CASE(TheFastReportsEqualARecomputationFromEveryVisit) {
    test::JournalPlace place;
    storage::FacilityJournal journal(place.journal());
    writeStretch(journal);
    checkAgainstEveryVisit(journal, place.journal());
}

BOOST_AUTO_TEST_CASE(AJournalOfSchemaSixWithVisitsGetsItsCountsAndNamesFromTheMigration) {
    test::JournalPlace place;
    {
        storage::FacilityJournal journal(place.journal());
        writeStretch(journal);
    }
    {  // back to schema 6 as an older Madoguchi left it: no counts, no follow-up index (nor schema 8's),
       // no names on the visits nor their trigger and index (schema 9's)
        auto db = storage::openDatabase(place.journal());
        storage::Transaction transaction(*db);
        test::undoSchemaNine(*db);
        db->execute("DROP INDEX audit_by_patient; DROP INDEX visits_follow_up; DROP TABLE usage_patient_months; "
                    "DROP TABLE usage_months; CREATE INDEX visits_by_route ON visits(claim_route, visit_date)");
        db->setSchemaVersion(6);
        transaction.commit();
    }
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM visits"), kDays * 25 + 9);
    storage::FacilityJournal journal(place.journal());  // migrates to the current schema
    auto migrated = storage::openDatabase(place.journal());
    BOOST_CHECK_EQUAL(migrated->schemaVersion(), storage::currentSchemaVersion());
    BOOST_CHECK_GT(test::scalar(place.journal(), "SELECT COUNT(*) FROM usage_patient_months"), 100);
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM usage_months"), 4);
    BOOST_CHECK_GT(test::scalar(place.journal(), "SELECT COUNT(*) FROM visits WHERE patient_name <> ''"), kDays * 20);
    BOOST_CHECK(test::verifyJournal(place.journal()).intact());  // the migration leaves the audit chain as it was
    checkAgainstEveryVisit(journal, place.journal());
    // The name kept from here on by the database: the patient renamed once more.
    const auto followUps = journal.followUps();
    const auto renamed = std::find_if(followUps.begin(), followUps.end(), [](const auto& v) { return v.patientName == kNewName; });
    BOOST_REQUIRE(renamed != followUps.end());
    VisitRecord again = test::sampleVisit("R2", std::string(renamed->patientId), at(2026, 10, 6, 9));
    again.patient.name = "鈴木　花子";
    BOOST_REQUIRE(journal.recordVisit(again).ok());
    for (const VisitSummary& v : journal.visitsBetween(kFirst, kLast))
        if (v.patientId == renamed->patientId) BOOST_CHECK_EQUAL(v.patientName, "鈴木　花子");
}

BOOST_AUTO_TEST_SUITE_END()
