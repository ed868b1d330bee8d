#pragma once
// What the clinic manager reads: the daily log, the follow-up list and the マイナ保険証 usage
// rate against the 医療DX推進体制整備加算 tiers (DOMAIN.md §11). Storage queries, this computes.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "rule_tables.h"

namespace madoguchi {

// One visit as the reports see it (a row of the journal).
struct VisitSummary {
    std::string visitId, patientId, patientName;
    Date date;
    std::string startedAt;  // ISO
    std::string identityMethod, source, validity, claimRoute;  // names as in visit_record.h
    int shareTenths = 3;
    std::optional<std::int64_t> copayYen;
    std::string fullChargeReason;
    bool cancelled = false;
    std::optional<int> shareDecidedTenths = {};  // set when staff corrected the rules' share (0: none decided)
    std::string shareCorrectionReason = {};
    std::string claimRemarks = {};              // the ready 摘要欄 text (申立書 visits), else empty
    std::string window = {};                    // the window that recorded it (the window-name setting)
};

// A share staff changed at the copay step, as the daily log lists it.
struct ShareCorrectionEntry {
    std::string visitId;
    int decidedTenths = 0;  // 0: the rules could not decide
    int chosenTenths = 0;
    std::string reason;
};

struct DailyLog {
    Date date;
    int visits = 0, cancelled = 0, fallbacks = 0, selfDeclarations = 0;
    std::map<std::string, int> byIdentityMethod, bySource, byValidity, byClaimRoute;
    std::int64_t copayTotalYen = 0;
    std::vector<std::pair<std::string, std::string>> fullCharges;  // visit id, reason
    std::vector<ShareCorrectionEntry> shareCorrections = {};
};

DailyLog summarizeDay(const Date& date, const std::vector<VisitSummary>& visits);
bool isFallbackSource(const std::string& source);  // anything but the online check

// One visit as the usage estimate sees it: who, when, and whether the card was used online.
struct UsageVisit {
    std::string visitId, patientId;  // a visit without a patient number counts as its own patient
    Date date;
    bool onlineCard = false;
    bool cancelled = false;
};

// Distinct patients of one month (the journal keeps these counts up to date as visits come).
struct MonthPatients {
    int seen = 0, withCard = 0;
    bool operator==(const MonthPatients&) const = default;
};
// The rule behind the counts: per month (first of month), the distinct patients of the visits
// not cancelled, and those of them confirmed online with the card at least once.
std::map<Date, MonthPatients> countPatientsByMonth(const std::vector<UsageVisit>& visits);

// The local estimate: distinct patients confirmed online with the card ÷ distinct patients seen.
struct MonthlyUsage {
    Date month;  // first day
    int patientsSeen = 0, patientsWithCard = 0;
    int estimateBasisPoints = 0;
    std::optional<int> officialBasisPoints;  // entered by the manager
    int bestKnownBasisPoints() const { return officialBasisPoints.value_or(estimateBasisPoints); }
};

// `patients` maps the first of a month to its counts; a month absent from it had no visits.
MonthlyUsage monthlyUsage(const Date& month, const std::map<Date, MonthPatients>& patients,
                          std::optional<int> officialBasisPoints);

// The billing month may use the best of the months 3, 4 and 5 before it.
struct BillingMonthStanding {
    Date billingMonth;
    std::optional<Date> bestMonth;
    int bestBasisPoints = 0;
    std::optional<BonusTierReached> tier;  // empty when the table has no period for the month
};

BillingMonthStanding standingForBillingMonth(const Date& billingMonth, const std::map<Date, MonthlyUsage>& usage,
                                             const BonusTierTable& tiers);

// The usage report for one month: its estimate beside the official figure, and the standing of
// that month as a billing month (its months −3/−4/−5), so the visits needed reach 5 months back.
inline constexpr int kUsageMonthsBack = 5;
struct UsageReport {
    MonthlyUsage month;
    BillingMonthStanding standing;
};
// `patients` should cover the month and the kUsageMonthsBack months before it; `official` maps the
// first of a month to the rate the manager entered.
UsageReport computeUsageReport(const Date& month, const std::map<Date, MonthPatients>& patients,
                               const std::map<Date, int>& official, const BonusTierTable& tiers);

}  // namespace madoguchi
