// The back-office use cases check the role before they touch the journal (fakes of the ports).
#include <boost/test/unit_test.hpp>
#include <set>

#include "domain/follow_up_recheck.h"
#include "domain/manager_desk.h"
#include "domain/ports/manager_journal.h"

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
    std::vector<std::size_t> batches;  // the size of each retagAll call (each one transaction)
    std::set<std::string> refused;     // visits the journal refuses to re-tag
    std::vector<Outcome<bool>> retagAll(const std::vector<Retag>& all) override {
        batches.push_back(all.size());
        std::vector<Outcome<bool>> outcomes;
        for (const Retag& r : all) {
            if (refused.count(r.visitId)) {
                outcomes.push_back(Problem{"journal.same_route", "The visit already has this claim route."});
                continue;
            }
            retags.push_back(r);
            outcomes.push_back(true);
        }
        return outcomes;
    }
    Outcome<bool> attachLateAnswer(const std::string&, const EligibilityResult&, const std::string&,
                                   const LocalDateTime&) override {
        return true;
    }
    Outcome<bool> closeRejectedRequest(const std::string&, const std::string&, const LocalDateTime&) override { return true; }
    void recordAccess(const std::string&, const std::string&, const std::string&, const LocalDateTime&) override {}

    VisitList visitsBetween(const Date& from, const Date& to) override {
        ++reads;
        ranges.emplace_back(from, to);
        return {VisitSummary{"V1", "P1", "", from, from.iso() + "T09:00:00", "face", "online_card", "1", "current", 3,
                             1000, "", false}};
    }
    std::map<Date, MonthPatients> patientsByMonth(const Date& from, const Date& to) override {
        ++reads;
        ranges.emplace_back(from, to);
        return {{from.firstOfMonth(), MonthPatients{1, 1}}};
    }
    VisitList followUps() override {
        ++reads;
        return {};
    }
    std::vector<RecheckCandidate> candidates;
    std::vector<RecheckCandidate> recheckCandidates() override {
        ++reads;
        return candidates;
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

// The terminal's side of a bulk job: answers each query from a table keyed by card number.
struct FakeBulkCheck : BulkEligibilityCheck {
    std::vector<std::vector<NumberQuery>> jobs;
    std::map<std::string, EligibilityResult> answers;  // card number → answer
    std::set<std::string> withoutIdentifier;            // card numbers answered without the echo
    std::optional<Problem> failure;

    Outcome<BulkCheckAnswer> check(const std::vector<NumberQuery>& queries) override {
        jobs.push_back(queries);
        if (failure) return *failure;
        BulkCheckAnswer job{"R-0042", "OQSmuquc02res_202511250002.zip", {}};
        for (const auto& query : queries) {
            auto found = answers.find(query.insurance.card.number);
            if (found == answers.end()) continue;
            std::string echoed = withoutIdentifier.count(query.insurance.card.number) ? "" : query.arbitraryIdentifier;
            job.people.push_back({echoed, query.insurance, query.birthDate.compact(), found->second,
                                  "<XmlMsg>" + query.insurance.card.number + "</XmlMsg>"});
        }
        return job;
    }
};

EligibilityResult answered(const char* validity, const char* qualifiedSince = "") {
    EligibilityResult result;
    result.segmentOfResult.raw = "1";
    result.processingResultStatus.raw = "1";
    result.qualificationValidity.raw = validity;
    if (std::string(validity) != "4") {
        result.results.emplace_back();
        result.results.back().qualificationDate = qualifiedSince;
    } else {
        result.processingResultMessage = "該当資格なし";
    }
    return result;
}

RecheckCandidate candidate(const char* visit, const char* day, ClaimRoute route, const char* insurer, const char* number,
                           std::optional<Date> birth) {
    return RecheckCandidate{visit, "P-" + std::string(visit), d(day), route, {insurer, {"", number, ""}}, std::nullopt, birth};
}

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

BOOST_AUTO_TEST_SUITE(FollowUpRecheck)

BOOST_AUTO_TEST_CASE(FrontDeskStaffCannotRunTheBulkRecheck) {
    FakeJournal journal;
    journal.candidates = {candidate("V1", "2025-11-20", ClaimRoute::Old, "01130012", "34", d("1980-06-15"))};
    FakeBulkCheck terminal;
    auto report = recheckFollowUps(kReceptionist, journal, terminal, journal, kNow);
    BOOST_CHECK_EQUAL(report.problem().code, "staff.not_allowed");
    BOOST_CHECK_EQUAL(journal.reads, 0);
    BOOST_CHECK(terminal.jobs.empty());
}

BOOST_AUTO_TEST_CASE(OneJobAnswersAreMatchedBackToTheirVisitsAndOnlyConfirmedOnesAreRetagged) {
    FakeJournal journal;
    auto unknown = candidate("V2", "2025-11-21", ClaimRoute::Unknown, "77777777", "77777777", d("1990-01-01"));
    unknown.declared = InsuranceIdentity{"06130025", {"", "88", ""}};
    journal.candidates = {candidate("V1", "2025-11-20", ClaimRoute::Old, "01130012", "34", d("1980-06-15")),
                          unknown,
                          candidate("V3", "2025-11-20", ClaimRoute::Old, "01130012", "35", std::nullopt),
                          candidate("V4", "2025-11-10", ClaimRoute::Old, "01130012", "36", d("1970-01-01")),
                          candidate("V5", "2025-11-22", ClaimRoute::Old, "01130012", "37", d("1971-01-01")),
                          candidate("V6", "2025-11-22", ClaimRoute::Old, "01130012", "38", d("1972-01-01"))};
    FakeBulkCheck terminal;
    terminal.answers = {{"34", answered("1", "20200401")}, {"88", answered("4")},
                        {"36", answered("1", "20251115")},  // qualified after the visit of 11-10
                        {"37", answered("1")}};
    terminal.withoutIdentifier = {"37"};
    auto report = recheckFollowUps(kManager, journal, terminal, journal, kNow);
    BOOST_REQUIRE(report.ok());
    BOOST_REQUIRE_EQUAL(terminal.jobs.size(), 1u);
    BOOST_CHECK_EQUAL(terminal.jobs[0].size(), 5u);  // V3 has no birth date: not asked
    BOOST_CHECK_EQUAL(terminal.jobs[0][1].insurance.insurerNumber, "06130025");  // the 申立書's numbers, not the 7s
    BOOST_CHECK_EQUAL(terminal.jobs[0][1].arbitraryIdentifier, "V2");
    BOOST_CHECK(terminal.jobs[0][0].confirmationDate == kNow.date);

    std::map<std::string, RecheckVerdict> verdicts;
    for (const auto& entry : report.value().visits) verdicts[entry.visitId] = entry.verdict;
    BOOST_CHECK(verdicts["V1"] == RecheckVerdict::Retagged);
    BOOST_CHECK(verdicts["V2"] == RecheckVerdict::NotConfirmed);
    BOOST_CHECK(verdicts["V3"] == RecheckVerdict::NoNumbers);
    BOOST_CHECK(verdicts["V4"] == RecheckVerdict::NotOnVisitDay);
    BOOST_CHECK(verdicts["V5"] == RecheckVerdict::Retagged);  // matched by numbers and birth date
    BOOST_CHECK(verdicts["V6"] == RecheckVerdict::NoAnswer);
    BOOST_CHECK_EQUAL(report.value().count(RecheckVerdict::Retagged), 2);
    BOOST_CHECK_EQUAL(report.value().receptionNumber, "R-0042");

    BOOST_REQUIRE_EQUAL(journal.retags.size(), 2u);
    BOOST_CHECK_EQUAL(journal.batches.size(), 1u);  // both in one transaction
    const Retag& first = journal.retags[0];
    BOOST_CHECK_EQUAL(first.visitId, "V1");
    BOOST_CHECK(first.to == ClaimRoute::Current);
    BOOST_CHECK_EQUAL(first.staffId, "jimucho");  // who
    BOOST_CHECK(first.at == kNow);                // when
    BOOST_CHECK_EQUAL(first.evidence, "<XmlMsg>34</XmlMsg>");  // which answer
    BOOST_CHECK_NE(first.reason.find("R-0042"), std::string::npos);
    BOOST_CHECK_NE(first.reason.find("OQSmuquc02res_202511250002.zip"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(AReTagTheJournalRefusesIsReportedAndTheOthersStand) {
    FakeJournal journal;
    journal.candidates = {candidate("V1", "2025-11-20", ClaimRoute::Old, "01130012", "34", d("1980-06-15")),
                          candidate("V2", "2025-11-20", ClaimRoute::Old, "01130012", "35", d("1981-06-15")),
                          candidate("V3", "2025-11-20", ClaimRoute::Old, "01130012", "36", d("1982-06-15"))};
    journal.refused = {"V2"};  // another window re-tagged it meanwhile
    FakeBulkCheck terminal;
    terminal.answers = {{"34", answered("1")}, {"35", answered("1")}, {"36", answered("1")}};
    std::vector<RecheckProgress> heard;
    auto report = recheckFollowUps(kManager, journal, terminal, journal, kNow,
                                   [&](const RecheckProgress& progress) { heard.push_back(progress); });
    BOOST_REQUIRE(report.ok());
    BOOST_REQUIRE_EQUAL(report.value().visits.size(), 3u);
    BOOST_CHECK(report.value().visits[0].verdict == RecheckVerdict::Retagged);
    BOOST_CHECK(report.value().visits[1].verdict == RecheckVerdict::RetagFailed);
    BOOST_CHECK_EQUAL(report.value().visits[1].detail, "The visit already has this claim route.");
    BOOST_CHECK(report.value().visits[2].verdict == RecheckVerdict::Retagged);
    BOOST_CHECK_EQUAL(journal.batches.size(), 1u);
    BOOST_CHECK_EQUAL(journal.batches.at(0), 3u);

    // Every stage was heard once, in order, with what was known by then.
    std::vector<RecheckStage> stages;
    for (const auto& progress : heard) stages.push_back(progress.stage);
    const std::vector<RecheckStage> expected{RecheckStage::ReadingList, RecheckStage::Asking, RecheckStage::Matching,
                                             RecheckStage::Applying, RecheckStage::Done};
    BOOST_CHECK(stages == expected);
    BOOST_CHECK_EQUAL(heard.at(1).visits, 3u);
    BOOST_CHECK_EQUAL(heard.at(1).asked, 3u);
    BOOST_CHECK_EQUAL(heard.at(3).confirmed, 3u);
}

BOOST_AUTO_TEST_CASE(AFailedJobRetagsNothingAndNothingAskedMeansNoJob) {
    FakeJournal journal;
    journal.candidates = {candidate("V1", "2025-11-20", ClaimRoute::Old, "01130012", "34", d("1980-06-15"))};
    FakeBulkCheck terminal;
    terminal.failure = Problem{"gateway.bulk_still_processing", "still processing"};
    BOOST_CHECK_EQUAL(recheckFollowUps(kManager, journal, terminal, journal, kNow).problem().code,
                      "gateway.bulk_still_processing");
    BOOST_CHECK(journal.retags.empty());
    BOOST_CHECK(journal.batches.empty());

    FakeJournal nobodyToAsk;
    nobodyToAsk.candidates = {candidate("V9", "2025-11-20", ClaimRoute::Unknown, "77777777", "77777777", d("1980-06-15"))};
    FakeBulkCheck idle;
    auto report = recheckFollowUps(kManager, nobodyToAsk, idle, nobodyToAsk, kNow);
    BOOST_REQUIRE(report.ok());
    BOOST_CHECK(idle.jobs.empty());
    BOOST_REQUIRE_EQUAL(report.value().visits.size(), 1u);
    BOOST_CHECK(report.value().visits[0].verdict == RecheckVerdict::NoNumbers);
}

BOOST_AUTO_TEST_SUITE_END()
