// The reports' fast paths of schema 7 — the usage report counting usage_patient_months, the
// follow-up list read from its partial index — against a straightforward recomputation from every
// visit, on a generated stretch with re-tags (both ways), cancellations and visits without a
// patient number; and a journal of schema 6 with visits, migrated: the counts back-filled. On
// both engines (the suite runs in qa_storage and qa_storage_postgres).
#include <boost/test/unit_test.hpp>

#include <algorithm>

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

// Every field of a report row, so that two lists compare field by field.
std::string describe(const std::vector<VisitSummary>& visits) {
    std::string text;
    for (const VisitSummary& v : visits)
        text += v.visitId + "|" + v.patientId + "|" + v.patientName + "|" + v.date.iso() + "|" + v.startedAt + "|" +
                v.identityMethod + "|" + v.source + "|" + v.validity + "|" + v.claimRoute + "|" +
                std::to_string(v.shareTenths) + "|" + (v.copayYen ? std::to_string(*v.copayYen) : "-") + "|" +
                v.fullChargeReason + "|" + (v.cancelled ? "c" : "") + "|" +
                (v.shareDecidedTenths ? std::to_string(*v.shareDecidedTenths) : "-") + "|" + v.shareCorrectionReason +
                "|" + v.claimRemarks + "|" + v.window + "\n";
    return text;
}

// The follow-up list the slow way: every visit, filtered in the journal's own order.
std::vector<VisitSummary> followUpsFromEveryVisit(storage::FacilityJournal& journal) {
    std::vector<VisitSummary> list;
    for (VisitSummary& v : journal.visitsBetween(kFirst, kLast))
        if ((v.claimRoute == "old" || v.claimRoute == "unknown") && !v.cancelled) list.push_back(std::move(v));
    return list;
}

// The usage counts the slow way: the domain's rule over every visit.
std::map<Date, MonthPatients> patientsFromEveryVisit(storage::FacilityJournal& journal) {
    std::vector<UsageVisit> visits;
    for (const VisitSummary& v : journal.visitsBetween(kFirst, kLast))
        visits.push_back({v.visitId, v.patientId, v.date, v.source == "online_card", v.cancelled});
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
        BOOST_REQUIRE(retagClaim(kManager, journal, {followUps[i].visitId, ClaimRoute::Current, "", "confirmed later",
                                                     "a later 照会", at(2026, 11, 2)})
                          .ok());
    const auto day = journal.visitsBetween(kFirst.plusDays(40), kFirst.plusDays(40));
    for (std::size_t i = 0; i < day.size(); i += 5)
        if (day[i].claimRoute == "current")
            BOOST_REQUIRE(retagClaim(kManager, journal, {day[i].visitId, ClaimRoute::Old, "", "the card was not valid",
                                                         "the insurer's letter", at(2026, 11, 3)})
                              .ok());
}

void checkAgainstEveryVisit(storage::FacilityJournal& journal) {
    const auto slowFollowUps = followUpsFromEveryVisit(journal);
    BOOST_CHECK_GT(slowFollowUps.size(), 30u);
    // The list joins names and remarks: both are there to compare.
    BOOST_CHECK(std::any_of(slowFollowUps.begin(), slowFollowUps.end(), [](const auto& v) { return !v.claimRemarks.empty(); }));
    BOOST_CHECK(std::any_of(slowFollowUps.begin(), slowFollowUps.end(), [](const auto& v) { return !v.patientName.empty(); }));
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

}  // namespace

BOOST_AUTO_TEST_SUITE(ReportSummaries)

BOOST_AUTO_TEST_CASE(TheFastReportsEqualARecomputationFromEveryVisit) {
    test::JournalPlace place;
    storage::FacilityJournal journal(place.journal());
    writeStretch(journal);
    checkAgainstEveryVisit(journal);
}

BOOST_AUTO_TEST_CASE(AJournalOfSchemaSixWithVisitsGetsItsCountsFromTheMigration) {
    test::JournalPlace place;
    {
        storage::FacilityJournal journal(place.journal());
        writeStretch(journal);
    }
    {  // back to schema 6 as an older Madoguchi left it: no counts, no follow-up index (nor schema 8's)
        auto db = storage::openDatabase(place.journal());
        storage::Transaction transaction(*db);
        db->execute("DROP INDEX audit_by_patient; DROP INDEX visits_follow_up; DROP TABLE usage_patient_months; DROP TABLE usage_months; "
                    "CREATE INDEX visits_by_route ON visits(claim_route, visit_date)");
        db->setSchemaVersion(6);
        transaction.commit();
    }
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM visits"), kDays * 25 + 8);
    storage::FacilityJournal journal(place.journal());  // migrates to the current schema
    auto migrated = storage::openDatabase(place.journal());
    BOOST_CHECK_EQUAL(migrated->schemaVersion(), storage::currentSchemaVersion());
    BOOST_CHECK_GT(test::scalar(place.journal(), "SELECT COUNT(*) FROM usage_patient_months"), 100);
    BOOST_CHECK_EQUAL(test::scalar(place.journal(), "SELECT COUNT(*) FROM usage_months"), 4);
    checkAgainstEveryVisit(journal);
}

BOOST_AUTO_TEST_SUITE_END()
