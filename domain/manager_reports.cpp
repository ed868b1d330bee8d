#include "manager_reports.h"

#include "copay.h"

#include <unordered_set>

namespace madoguchi {

bool isFallbackSource(const std::string& source) { return source != "online_card" && source != "online_numbers"; }

DailyLog summarizeDay(const Date& date, const std::vector<VisitSummary>& visits) {
    DailyLog log{date, 0, 0, 0, 0, {}, {}, {}, {}, 0, {}, {}};
    for (const VisitSummary& v : visits) {
        if (v.date != date) continue;
        if (v.cancelled) {
            ++log.cancelled;
            continue;
        }
        ++log.visits;
        ++log.byIdentityMethod[v.identityMethod];
        ++log.bySource[v.source];
        ++log.byValidity[v.validity.empty() ? "none" : v.validity];
        ++log.byClaimRoute[v.claimRoute];
        if (isFallbackSource(v.source)) ++log.fallbacks;
        if (v.source == "self_declaration") ++log.selfDeclarations;
        log.copayTotalYen += v.copayYen.value_or(0);
        if (v.shareTenths == CopayShare::kFullChargeTenths) log.fullCharges.emplace_back(v.visitId, v.fullChargeReason);
        if (v.shareDecidedTenths)
            log.shareCorrections.push_back({v.visitId, *v.shareDecidedTenths, v.shareTenths, v.shareCorrectionReason});
    }
    return log;
}

namespace {

// Distinct patients of one month, as the visits come.
struct MonthCount {
    std::unordered_set<std::string> seen, withCard;
    void add(const UsageVisit& v) {
        if (v.cancelled) return;
        const std::string& who = v.patientId.empty() ? v.visitId : v.patientId;
        seen.insert(who);
        if (v.onlineCard) withCard.insert(who);
    }
    MonthlyUsage usage(const Date& first, std::optional<int> official) const {
        MonthlyUsage result{first, static_cast<int>(seen.size()), static_cast<int>(withCard.size()), 0, official};
        if (!seen.empty()) result.estimateBasisPoints = static_cast<int>(withCard.size() * 10000 / seen.size());
        return result;
    }
};

}  // namespace

MonthlyUsage usageForMonth(const Date& month, const std::vector<UsageVisit>& visits,
                           std::optional<int> officialBasisPoints) {
    Date first = month.firstOfMonth();
    MonthCount count;
    for (const UsageVisit& v : visits)
        if (v.date.firstOfMonth() == first) count.add(v);
    return count.usage(first, officialBasisPoints);
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

UsageReport computeUsageReport(const Date& month, const std::vector<UsageVisit>& visits,
                               const std::map<Date, int>& official, const BonusTierTable& tiers) {
    Date first = month.firstOfMonth();
    std::map<Date, MonthCount> counts;  // one pass over the visits for all the months
    for (int back = 0; back <= kUsageMonthsBack; ++back) counts[first.plusMonths(-back)];
    for (const UsageVisit& v : visits)
        if (auto found = counts.find(v.date.firstOfMonth()); found != counts.end()) found->second.add(v);
    std::map<Date, MonthlyUsage> byMonth;
    for (const auto& [m, count] : counts) {
        auto entered = official.find(m);
        byMonth.insert_or_assign(m, count.usage(m, entered == official.end() ? std::nullopt : std::optional<int>(entered->second)));
    }
    return UsageReport{byMonth.at(first), standingForBillingMonth(first, byMonth, tiers)};
}

}  // namespace madoguchi
