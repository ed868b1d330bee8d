#include "manager_reports.h"

#include "copay.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>
#include <utility>

namespace madoguchi {
namespace {

// The text fields of a row: what a VisitList copies into its arena.
constexpr std::string_view VisitSummary::*kTextFields[] = {
    &VisitSummary::visitId,          &VisitSummary::patientId,   &VisitSummary::patientName,
    &VisitSummary::startedAt,        &VisitSummary::identityMethod, &VisitSummary::source,
    &VisitSummary::validity,         &VisitSummary::claimRoute,  &VisitSummary::fullChargeReason,
    &VisitSummary::shareCorrectionReason, &VisitSummary::claimRemarks, &VisitSummary::window};

constexpr std::size_t kFirstBlock = 16 * 1024, kLargestBlock = 8 * 1024 * 1024;

std::size_t textBytes(const VisitSummary& row) {
    std::size_t bytes = 0;
    for (auto field : kTextFields) bytes += (row.*field).size();
    return bytes;
}

template <class Rows>
std::size_t textBytes(const Rows& rows) {
    std::size_t bytes = 0;
    for (const VisitSummary& row : rows) bytes += textBytes(row);
    return bytes;
}

}  // namespace

VisitList::VisitList(std::initializer_list<VisitSummary> rows) {
    reserve(rows.size(), textBytes(rows));
    for (const VisitSummary& row : rows) add(row);
}

VisitList::VisitList(const VisitList& other) : VisitList(other.rows_.get_allocator().resource()) {
    reserve(other.size(), textBytes(other));
    for (const VisitSummary& row : other) add(row);
}

VisitList& VisitList::operator=(const VisitList& other) {
    if (this != &other) *this = VisitList(other);
    return *this;
}

VisitList::VisitList(VisitList&& other) noexcept
    : rows_(std::move(other.rows_)), blocks_(std::move(other.blocks_)), free_(std::exchange(other.free_, nullptr)),
      left_(std::exchange(other.left_, 0)), nextBlock_(std::exchange(other.nextBlock_, 0)) {}

VisitList& VisitList::operator=(VisitList&& other) noexcept {
    rows_ = std::move(other.rows_);
    blocks_ = std::move(other.blocks_);
    free_ = std::exchange(other.free_, nullptr);
    left_ = std::exchange(other.left_, 0);
    nextBlock_ = std::exchange(other.nextBlock_, 0);
    return *this;
}

void VisitList::reserve(std::size_t rows, std::size_t bytes) {
    rows_.reserve(rows);
    if (bytes > left_) nextBlock_ = bytes;
}

void VisitList::makeRoom(std::size_t bytes) {
    if (bytes <= left_) return;
    const std::size_t size = std::max({bytes, nextBlock_, kFirstBlock});
    std::pmr::memory_resource* memory = rows_.get_allocator().resource();
    std::unique_ptr<char[], FreeBlock> block(static_cast<char*>(memory->allocate(size, 1)), FreeBlock{memory, size});
    free_ = block.get();
    blocks_.push_back(std::move(block));
    left_ = size;
    nextBlock_ = std::min(size * 2, kLargestBlock);
}

VisitSummary& VisitList::add(const VisitSummary& row) {
    VisitSummary kept = row;
    makeRoom(textBytes(row));  // the row's text in one block
    for (auto field : kTextFields) kept.*field = keep(row.*field);
    return rows_.emplace_back(kept);
}

std::string_view VisitList::keep(std::string_view text) {
    if (text.empty()) return {};
    makeRoom(text.size());
    std::memcpy(free_, text.data(), text.size());
    const std::string_view kept(free_, text.size());
    free_ += text.size();
    left_ -= text.size();
    return kept;
}

void VisitList::clear() { *this = VisitList(); }

bool isFallbackSource(std::string_view source) { return source != "online_card" && source != "online_numbers"; }

DailyLog summarizeDay(const Date& date, std::span<const VisitSummary> visits) {
    DailyLog log{date, 0, 0, 0, 0, {}, {}, {}, {}, 0, {}, {}};
    for (const VisitSummary& v : visits) {
        if (v.date != date) continue;
        if (v.cancelled) {
            ++log.cancelled;
            continue;
        }
        ++log.visits;
        ++log.byIdentityMethod[std::string(v.identityMethod)];
        ++log.bySource[std::string(v.source)];
        ++log.byValidity[v.validity.empty() ? "none" : std::string(v.validity)];
        ++log.byClaimRoute[std::string(v.claimRoute)];
        if (isFallbackSource(v.source)) ++log.fallbacks;
        if (v.source == "self_declaration") ++log.selfDeclarations;
        log.copayTotalYen += v.copayYen.value_or(0);
        if (v.shareTenths == CopayShare::kFullChargeTenths) log.fullCharges.emplace_back(v.visitId, v.fullChargeReason);
        if (v.shareDecidedTenths)
            log.shareCorrections.push_back(
                {std::string(v.visitId), *v.shareDecidedTenths, v.shareTenths, std::string(v.shareCorrectionReason)});
    }
    return log;
}

std::map<Date, MonthPatients> countPatientsByMonth(const std::vector<UsageVisit>& visits) {
    std::map<Date, std::pair<std::unordered_set<std::string>, std::unordered_set<std::string>>> sets;  // seen, with card
    for (const UsageVisit& v : visits) {
        if (v.cancelled) continue;
        const std::string& who = v.patientId.empty() ? v.visitId : v.patientId;
        auto& [seen, withCard] = sets[v.date.firstOfMonth()];
        seen.insert(who);
        if (v.onlineCard) withCard.insert(who);
    }
    std::map<Date, MonthPatients> counts;
    for (const auto& [month, people] : sets)
        counts[month] = {static_cast<int>(people.first.size()), static_cast<int>(people.second.size())};
    return counts;
}

MonthlyUsage monthlyUsage(const Date& month, const std::map<Date, MonthPatients>& patients,
                          std::optional<int> officialBasisPoints) {
    const Date first = month.firstOfMonth();
    const auto found = patients.find(first);
    const MonthPatients counts = found == patients.end() ? MonthPatients{} : found->second;
    MonthlyUsage result{first, counts.seen, counts.withCard, 0, officialBasisPoints};
    if (counts.seen > 0)
        result.estimateBasisPoints = static_cast<int>(static_cast<std::size_t>(counts.withCard) * 10000 /
                                                      static_cast<std::size_t>(counts.seen));
    return result;
}

BillingMonthStanding standingForBillingMonth(const Date& billingMonth, const std::map<Date, MonthlyUsage>& usage,
                                             const BonusTierTable& tiers) {
    BillingMonthStanding standing{billingMonth.firstOfMonth(), std::nullopt, 0, std::nullopt};
    for (int back : {3, 4, 5}) {
        Date month = standing.billingMonth.plusMonths(-back);
        auto found = usage.find(month);
        if (found == usage.end()) continue;
        int rate = found->second.bestKnownBasisPoints();
        if (!standing.bestMonth || rate > standing.bestBasisPoints) {
            standing.bestMonth = month;
            standing.bestBasisPoints = rate;
        }
    }
    standing.tier = tiers.tierFor(standing.billingMonth, standing.bestBasisPoints);
    return standing;
}

UsageReport computeUsageReport(const Date& month, const std::map<Date, MonthPatients>& patients,
                               const std::map<Date, int>& official, const BonusTierTable& tiers) {
    const Date first = month.firstOfMonth();
    std::map<Date, MonthlyUsage> byMonth;
    for (int back = 0; back <= kUsageMonthsBack; ++back) {
        const Date m = first.plusMonths(-back);
        auto entered = official.find(m);
        byMonth.insert_or_assign(m, monthlyUsage(m, patients, entered == official.end() ? std::nullopt
                                                                                       : std::optional<int>(entered->second)));
    }
    return UsageReport{byMonth.at(first), standingForBillingMonth(first, byMonth, tiers)};
}

}  // namespace madoguchi
