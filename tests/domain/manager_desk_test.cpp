// The back-office use cases check the role before they touch the journal (fakes of the ports).
#include <boost/test/unit_test.hpp>

#include "domain/manager_desk.h"

using namespace madoguchi;

namespace {

Date d(const char* iso) { return *Date::parseIso(iso); }

struct FakeJournal : VisitJournal, ManagerJournal {
    int reads = 0;
    std::vector<Retag> retags;
    std::map<Date, int> rates;
    std::vector<std::pair<Date, Date>> ranges;

    Outcome<bool> recordVisit(const VisitRecord&) override { return true; }
    std::optional<PastEligibility> lastEligibility(const std::string&) override { return std::nullopt; }
    Outcome<bool> retag(const Retag& r) override {
        retags.push_back(r);
        return true;
    }
    Outcome<bool> attachLateAnswer(const std::string&, const EligibilityResult&, const std::string&,
                                   const LocalDateTime&) override {
        return true;
    }
    Outcome<bool> closeRejectedRequest(const std::string&, const std::string&, const LocalDateTime&) override { return true; }

    std::vector<VisitSummary> visitsBetween(const Date& from, const Date& to) override {
        ++reads;
        ranges.emplace_back(from, to);
        return {VisitSummary{"V1", "P1", "", from, from.iso() + "T09:00:00", "face", "online_card", "1", "current", 3,
                             1000, "", false}};
    }
    std::vector<UsageVisit> usageVisitsBetween(const Date& from, const Date& to) override {
        ++reads;
        ranges.emplace_back(from, to);
        return {UsageVisit{"V1", "P1", from, true, false}};
    }
    std::vector<VisitSummary> followUps() override {
        ++reads;
        return {};
    }
    std::map<Date, int> officialRates() override {
        ++reads;
        return rates;
    }
    Outcome<bool> setOfficialRate(const Date& month, int basisPoints, const std::string&, const LocalDateTime&) override {
        rates[month] = basisPoints;
        return true;
    }
};

const StaffMember kReceptionist{"uketsuke1", "受付", StaffRole::Receptionist};
const StaffMember kPharmacist{"yakuzaishi", "薬剤師", StaffRole::Pharmacist};
const StaffMember kManager{"jimucho", "事務長", StaffRole::Manager};
const BonusTierTable kTiers = BonusTierTable::parse("2025-10\t2026-02\t60\t40\t25\t-\n").value();
const LocalDateTime kNow{d("2025-11-25"), 10, 0, 0};

}  // namespace

BOOST_AUTO_TEST_SUITE(ManagerDesk)

BOOST_AUTO_TEST_CASE(FrontDeskStaffCannotReadTheReports) {
    for (const StaffMember& who : {kReceptionist, kPharmacist}) {
        FakeJournal journal;
        BOOST_CHECK_EQUAL(dailyReport(who, journal, d("2025-11-25")).problem().code, "staff.not_allowed");
        BOOST_CHECK_EQUAL(followUpList(who, journal).problem().code, "staff.not_allowed");
        BOOST_CHECK_EQUAL(usageReport(who, journal, d("2025-11-01"), kTiers).problem().code, "staff.not_allowed");
        BOOST_CHECK_EQUAL(usageHistory(who, journal, d("2025-11-01"), 12, kTiers).problem().code, "staff.not_allowed");
        BOOST_CHECK_EQUAL(visitsForExport(who, journal, d("2025-11-01"), d("2025-11-30")).problem().code,
                          "staff.not_allowed");
        BOOST_CHECK_EQUAL(journal.reads, 0);  // refused before the journal was asked
    }
}

BOOST_AUTO_TEST_CASE(FrontDeskStaffCannotRetagNorEnterTheOfficialRate) {
    FakeJournal journal;
    Retag retag{"V1", ClaimRoute::Current, "", "資格確認書", "", kNow};
    BOOST_CHECK_EQUAL(retagClaim(kReceptionist, journal, retag).problem().code, "staff.not_allowed");
    BOOST_CHECK_EQUAL(enterOfficialRate(kPharmacist, journal, d("2025-09-01"), 4500, kNow).problem().code, "staff.not_allowed");
    BOOST_CHECK(journal.retags.empty());
    BOOST_CHECK(journal.rates.empty());
}

BOOST_AUTO_TEST_CASE(TheManagersRetagIsSignedWithTheirOwnId) {
    FakeJournal journal;
    Retag retag{"V1", ClaimRoute::Current, "someone-else", "資格確認書", "scan", kNow};
    BOOST_REQUIRE(retagClaim(kManager, journal, retag).ok());
    BOOST_REQUIRE_EQUAL(journal.retags.size(), 1u);
    BOOST_CHECK_EQUAL(journal.retags[0].staffId, "jimucho");
    BOOST_CHECK_EQUAL(journal.retags[0].reason, "資格確認書");
}

BOOST_AUTO_TEST_CASE(TheManagerReadsTheDayAndTheUsage) {
    FakeJournal journal;
    auto day = dailyReport(kManager, journal, d("2025-11-25"));
    BOOST_REQUIRE(day.ok());
    BOOST_CHECK_EQUAL(day.value().log.visits, 1);
    BOOST_CHECK_EQUAL(day.value().visits.size(), 1u);

    BOOST_REQUIRE(enterOfficialRate(kManager, journal, d("2025-11-17"), 6100, kNow).ok());
    BOOST_CHECK(journal.rates.count(d("2025-11-01")));  // stored under the first of the month
    journal.ranges.clear();
    auto usage = usageReport(kManager, journal, d("2025-11-17"), kTiers);
    BOOST_REQUIRE(usage.ok());
    BOOST_CHECK(usage.value().month.officialBasisPoints == 6100);
    // The visits asked for reach from the month five months back to the month's last day.
    BOOST_REQUIRE_EQUAL(journal.ranges.size(), 1u);
    BOOST_CHECK(journal.ranges[0].first == d("2025-06-01"));
    BOOST_CHECK(journal.ranges[0].second == d("2025-11-30"));
}

BOOST_AUTO_TEST_CASE(TheUsageHistoryShowsEachMonthAndTheLastMonthsStanding) {
    FakeJournal journal;
    journal.rates[d("2025-10-01")] = 5000;
    auto history = usageHistory(kManager, journal, d("2025-11-17"), 3, kTiers);
    BOOST_REQUIRE(history.ok());
    const auto& months = history.value().months;
    BOOST_REQUIRE_EQUAL(months.size(), 3u);
    BOOST_CHECK(months.begin()->first == d("2025-09-01"));
    BOOST_CHECK(months.rbegin()->first == d("2025-11-01"));
    BOOST_CHECK(!months.at(d("2025-09-01")).officialBasisPoints);
    BOOST_CHECK(months.at(d("2025-10-01")).officialBasisPoints == 5000);
    // The standing reaches back to months the chart does not show (−3…−5): the fake's one
    // visit with a card is on the first day asked for, 2025-06-01.
    BOOST_CHECK(history.value().standing.billingMonth == d("2025-11-01"));
    BOOST_REQUIRE(history.value().standing.bestMonth);
    BOOST_CHECK(*history.value().standing.bestMonth == d("2025-06-01"));
    BOOST_CHECK_EQUAL(history.value().standing.bestBasisPoints, 10000);
    auto single = usageReport(kManager, journal, d("2025-11-17"), kTiers);
    BOOST_REQUIRE(single.ok());
    BOOST_CHECK_EQUAL(single.value().standing.bestBasisPoints, history.value().standing.bestBasisPoints);
}

BOOST_AUTO_TEST_CASE(TheExportRefusesAPeriodThatEndsBeforeItStarts) {
    FakeJournal journal;
    BOOST_CHECK_EQUAL(visitsForExport(kManager, journal, d("2025-11-30"), d("2025-11-01")).problem().code, "export.range");
    auto visits = visitsForExport(kManager, journal, d("2025-11-01"), d("2025-11-30"));
    BOOST_REQUIRE(visits.ok());
    BOOST_CHECK_EQUAL(visits.value().size(), 1u);
    BOOST_REQUIRE_EQUAL(journal.ranges.size(), 1u);
    BOOST_CHECK(journal.ranges[0].second == d("2025-11-30"));
}

BOOST_AUTO_TEST_SUITE_END()
