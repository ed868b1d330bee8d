#include <boost/test/unit_test.hpp>

#include <memory_resource>
#include <utility>

#include "domain/manager_reports.h"
#include "platform/large_blocks.h"

using namespace madoguchi;

namespace {

Date d(const char* iso) { return *Date::parseIso(iso); }

VisitSummary& visit(VisitList& into, const std::string& id, const std::string& patient, const char* date,
                    const std::string& source, const std::string& route = "current") {
    bool online = source == "online_card";
    return into.add(VisitSummary{id,     patient, "", d(date), std::string(date) + "T09:00:00", online ? "face" : "none",
                                 source, online ? "1" : "", route, 3, 1000, "", false});
}

UsageVisit seen(const std::string& id, const std::string& patient, const char* date, bool onlineCard) {
    return UsageVisit{id, patient, d(date), onlineCard, false};
}

// The shipped 2025-2026 thresholds (DOMAIN.md §11), in percent.
const BonusTierTable& tiers() {
    static const BonusTierTable table = BonusTierTable::parse("2025-04\t2025-09\t45\t30\t15\t12\n"
                                                              "2025-10\t2026-02\t60\t40\t25\t-\n")
                                            .value();
    return table;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ManagerReports)

BOOST_AUTO_TEST_CASE(TheDailyLogCountsTheDayOnly) {
    VisitList visits;
    visit(visits, "V1", "P1", "2025-11-04", "online_card");
    visit(visits, "V2", "P2", "2025-11-04", "qualification_certificate");
    visit(visits, "V3", "P3", "2025-11-04", "self_declaration", "unknown");
    visit(visits, "V4", "P4", "2025-11-04", "past_record", "old");
    visit(visits, "V5", "P5", "2025-11-05", "online_card");
    visits[3].shareTenths = 10;
    visits[3].copayYen = 8000;
    visits[3].fullChargeReason = "資格確認できず";
    visit(visits, "V6", "P6", "2025-11-04", "online_card").cancelled = true;

    DailyLog log = summarizeDay(d("2025-11-04"), visits);
    BOOST_CHECK_EQUAL(log.visits, 4);
    BOOST_CHECK_EQUAL(log.cancelled, 1);
    BOOST_CHECK_EQUAL(log.fallbacks, 3);
    BOOST_CHECK_EQUAL(log.selfDeclarations, 1);
    BOOST_CHECK_EQUAL(log.copayTotalYen, 11000);
    BOOST_CHECK_EQUAL(log.byIdentityMethod.at("face"), 1);
    BOOST_CHECK_EQUAL(log.byIdentityMethod.at("none"), 3);
    BOOST_CHECK_EQUAL(log.bySource.at("qualification_certificate"), 1);
    BOOST_CHECK_EQUAL(log.byValidity.at("1"), 1);
    BOOST_CHECK_EQUAL(log.byValidity.at("none"), 3);
    BOOST_CHECK_EQUAL(log.byClaimRoute.at("current"), 2);
    BOOST_CHECK_EQUAL(log.byClaimRoute.at("old"), 1);
    BOOST_CHECK_EQUAL(log.byClaimRoute.at("unknown"), 1);
    BOOST_REQUIRE_EQUAL(log.fullCharges.size(), 1u);
    BOOST_CHECK_EQUAL(log.fullCharges[0].first, "V4");
    BOOST_CHECK_EQUAL(log.fullCharges[0].second, "資格確認できず");
}

BOOST_AUTO_TEST_CASE(OnlineChecksAreNotFallbacks) {
    BOOST_CHECK(!isFallbackSource("online_card"));
    BOOST_CHECK(!isFallbackSource("online_numbers"));
    BOOST_CHECK(isFallbackSource("notice_with_card"));
    BOOST_CHECK(isFallbackSource("past_record"));
}

BOOST_AUTO_TEST_CASE(TheUsageEstimateCountsDistinctPatientsInTheMonth) {
    std::vector<UsageVisit> visits{
        seen("V1", "P1", "2025-11-04", true),
        seen("V2", "P1", "2025-11-20", false),  // used the card once: counts as a card user
        seen("V3", "P2", "2025-11-05", false),
        seen("V4", "P3", "2025-11-30", true),
        seen("V5", "", "2025-11-30", false),  // no patient number: the visit is the patient
        seen("V6", "P4", "2025-10-31", true),  // another month
        seen("V7", "P5", "2025-12-01", true),
        UsageVisit{"V8", "P6", d("2025-11-12"), true, true},  // cancelled: not seen
    };
    const auto patients = countPatientsByMonth(visits);
    BOOST_CHECK(patients.at(d("2025-10-01")) == (MonthPatients{1, 1}));
    MonthlyUsage usage = monthlyUsage(d("2025-11-17"), patients, std::nullopt);
    BOOST_CHECK(usage.month == d("2025-11-01"));
    BOOST_CHECK_EQUAL(usage.patientsSeen, 4);
    BOOST_CHECK_EQUAL(usage.patientsWithCard, 2);
    BOOST_CHECK_EQUAL(usage.estimateBasisPoints, 5000);
    BOOST_CHECK_EQUAL(usage.bestKnownBasisPoints(), 5000);
    BOOST_CHECK_EQUAL(monthlyUsage(d("2025-11-01"), patients, 4321).bestKnownBasisPoints(), 4321);
    BOOST_CHECK_EQUAL(monthlyUsage(d("2025-08-01"), patients, std::nullopt).estimateBasisPoints, 0);
}

BOOST_AUTO_TEST_CASE(TheBillingMonthTakesTheBestOfMonthsThreeToFiveBefore) {
    std::map<Date, MonthlyUsage> usage;
    auto month = [&](const char* first, int estimate, std::optional<int> official = std::nullopt) {
        usage.insert_or_assign(d(first), MonthlyUsage{d(first), 100, estimate / 100, estimate, official});
    };
    month("2025-10-01", 9000);  // two months before: too recent to count
    month("2025-09-01", 3500);  // −3
    month("2025-08-01", 5000, 4100);  // −4: the official figure wins over the estimate
    month("2025-07-01", 4200);  // −5
    month("2025-06-01", 9900);  // −6: too old
    BillingMonthStanding standing = standingForBillingMonth(d("2025-12-15"), usage, tiers());
    BOOST_CHECK(standing.billingMonth == d("2025-12-01"));
    BOOST_REQUIRE(standing.bestMonth);
    BOOST_CHECK(*standing.bestMonth == d("2025-07-01"));
    BOOST_CHECK_EQUAL(standing.bestBasisPoints, 4200);
    BOOST_REQUIRE(standing.tier);
    BOOST_CHECK_EQUAL(standing.tier->tier, 2);  // 60 / 40 / 25 from 2025-10
    BOOST_CHECK(standing.tier->nextTier == 1);
    BOOST_CHECK_EQUAL(standing.tier->gapBasisPoints, 1800);
}

BOOST_AUTO_TEST_CASE(AMonthOutsideTheTierTableHasNoTier) {
    BillingMonthStanding standing = standingForBillingMonth(d("2027-01-01"), {}, tiers());
    BOOST_CHECK(!standing.bestMonth);
    BOOST_CHECK(!standing.tier);
}

BOOST_AUTO_TEST_CASE(TheUsageReportPutsTheMonthBesideItsBillingStanding) {
    std::vector<UsageVisit> visits;
    // July: 3 of 4 patients with the card (75%); November: 1 of 2.
    for (int i = 1; i <= 4; ++i) visits.push_back(seen("J" + std::to_string(i), "P" + std::to_string(i), "2025-07-10", i <= 3));
    visits.push_back(seen("N1", "P1", "2025-11-10", true));
    visits.push_back(seen("N2", "P2", "2025-11-11", false));
    visits.push_back(seen("O1", "P9", "2025-05-31", true));  // six months back: not read
    std::map<Date, int> official{{d("2025-11-01"), 5500}};
    UsageReport report = computeUsageReport(d("2025-11-20"), countPatientsByMonth(visits), official, tiers());
    BOOST_CHECK_EQUAL(report.month.patientsSeen, 2);
    BOOST_CHECK_EQUAL(report.month.estimateBasisPoints, 5000);
    BOOST_CHECK(report.month.officialBasisPoints == 5500);
    // Billing month 2025-11 looks at 2025-06..08: July's 75% reaches 加算1 (60%).
    BOOST_REQUIRE(report.standing.bestMonth);
    BOOST_CHECK(*report.standing.bestMonth == d("2025-07-01"));
    BOOST_CHECK_EQUAL(report.standing.bestBasisPoints, 7500);
    BOOST_REQUIRE(report.standing.tier);
    BOOST_CHECK_EQUAL(report.standing.tier->tier, 1);
    BOOST_CHECK(!report.standing.tier->nextTier);
}

BOOST_AUTO_TEST_CASE(AVisitListKeepsItsRowsTextAsItGrowsMovesAndIsCopied) {
    // From new/delete, and from the platform's large blocks (more than 2 MiB of rows: mapped on their own).
    for (std::pmr::memory_resource* memory : {std::pmr::get_default_resource(), platform::largeBlocks()}) {
        constexpr int kRows = 12000;
        VisitList list(memory);
        for (int i = 0; i < kRows; ++i) {  // several blocks of text, the rows' vector grown many times
            std::string id = "V-" + std::to_string(i), name = "患者 " + std::to_string(i) + std::string(i % 97, 'x');
            list.add(VisitSummary{id, "P" + std::to_string(i), name, d("2025-11-04"), "2025-11-04T09:00:00", "face",
                                  "online_card", "1", "old", 3, i, "", false});
        }
        list[7].claimRemarks = list.keep(std::string("摘要欄 ") + "text");
        const VisitList copy = list;
        VisitList assigned;  // from new/delete: moving into it keeps the rows' text
        assigned = VisitList(list);
        const VisitList moved = std::move(list);
        for (const VisitList* each : {&copy, &moved, &std::as_const(assigned)}) {
            BOOST_REQUIRE_EQUAL(each->size(), static_cast<std::size_t>(kRows));
            for (int i = 0; i < kRows; i += 299) {
                const VisitSummary& v = (*each)[static_cast<std::size_t>(i)];
                BOOST_CHECK_EQUAL(v.visitId, "V-" + std::to_string(i));
                BOOST_CHECK_EQUAL(v.patientName, "患者 " + std::to_string(i) + std::string(i % 97, 'x'));
                BOOST_CHECK_EQUAL(v.startedAt, "2025-11-04T09:00:00");
                BOOST_CHECK(v.copayYen == i);
            }
            BOOST_CHECK_EQUAL((*each)[7].claimRemarks, "摘要欄 text");
        }
        BOOST_CHECK(copy[0].visitId.data() != moved[0].visitId.data());  // the copy has text of its own
    }
}

BOOST_AUTO_TEST_SUITE_END()
