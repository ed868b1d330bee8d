#pragma once
// What the clinic manager reads: the daily log, the follow-up list and the マイナ保険証 usage
// rate against the 医療DX推進体制整備加算 tiers (DOMAIN.md §11). Storage queries, this computes.
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <memory_resource>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "rule_tables.h"

namespace madoguchi {

// One visit as the reports see it (a row of the journal). Its text fields are views: a row of a
// VisitList views the list's own text (below); a row made by hand views what it was made from.
struct VisitSummary {
    std::string_view visitId, patientId, patientName;
    Date date;
    std::string_view startedAt;  // ISO
    std::string_view identityMethod, source, validity, claimRoute;  // names as in visit_record.h
    int shareTenths = 3;
    std::optional<std::int64_t> copayYen;
    std::string_view fullChargeReason;
    bool cancelled = false;
    std::optional<int> shareDecidedTenths = {};  // set when staff corrected the rules' share (0: none decided)
    std::string_view shareCorrectionReason = {};
    std::string_view claimRemarks = {};          // the ready 摘要欄 text (申立書 visits), else empty
    std::string_view window = {};                // the window that recorded it (the window-name setting)
};

// The rows of a report (the daily log, the follow-up list, an export) with their text: every
// row's fields view one arena of the list's text, kept in blocks that never move, so a hospital's
// year (tens of thousands of rows) is a few large allocations rather than one or two a field.
// A row's views stay valid while the list lives (moving the list keeps them; copying copies the text).
// The rows and the text blocks come from `memory` (the caller's choice: a hospital's list takes
// the platform's large blocks, platform/large_blocks.h; the default is new/delete).
class VisitList {
public:
    VisitList() = default;
    explicit VisitList(std::pmr::memory_resource* memory) : rows_(memory) {}
    VisitList(std::initializer_list<VisitSummary> rows);  // their text copied in
    VisitList(const VisitList& other);
    VisitList& operator=(const VisitList& other);
    VisitList(VisitList&& other) noexcept;
    VisitList& operator=(VisitList&& other) noexcept;
    ~VisitList() = default;

    // Room for `rows` rows and `textBytes` bytes of their text (a guess: more is taken as needed).
    void reserve(std::size_t rows, std::size_t textBytes);
    VisitSummary& add(const VisitSummary& row);  // the row, its text copied into the list
    std::string_view keep(std::string_view text);  // a copy of `text` that lives as long as the list
    void clear();

    std::size_t size() const { return rows_.size(); }
    bool empty() const { return rows_.empty(); }
    VisitSummary* begin() { return rows_.data(); }
    VisitSummary* end() { return rows_.data() + rows_.size(); }
    const VisitSummary* begin() const { return rows_.data(); }
    const VisitSummary* end() const { return rows_.data() + rows_.size(); }
    VisitSummary* data() { return rows_.data(); }
    const VisitSummary* data() const { return rows_.data(); }
    VisitSummary& operator[](std::size_t i) { return rows_[i]; }
    const VisitSummary& operator[](std::size_t i) const { return rows_[i]; }
    const VisitSummary& at(std::size_t i) const { return rows_.at(i); }
    const VisitSummary& front() const { return rows_.front(); }
    const VisitSummary& back() const { return rows_.back(); }

private:
    struct FreeBlock {  // gives a text block back to the resource it came from
        std::pmr::memory_resource* memory;
        std::size_t bytes;
        void operator()(char* block) const { memory->deallocate(block, bytes, 1); }
    };
    void makeRoom(std::size_t bytes);  // a new block when the newest has less than `bytes` left
    std::pmr::vector<VisitSummary> rows_;
    std::vector<std::unique_ptr<char[], FreeBlock>> blocks_;  // the text; a block, once made, never moves
    char* free_ = nullptr;                          // the unused end of the newest block
    std::size_t left_ = 0;
    std::size_t nextBlock_ = 0;                     // the size of the next block (0: the default)
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

DailyLog summarizeDay(const Date& date, std::span<const VisitSummary> visits);
bool isFallbackSource(std::string_view source);  // anything but the online check

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
