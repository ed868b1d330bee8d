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
