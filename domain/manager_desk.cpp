#include "manager_desk.h"

#include <algorithm>

namespace madoguchi {

Outcome<DailyReport> dailyReport(const StaffMember& who, ManagerJournal& journal, const Date& day) {
    if (auto allowed = requirePermission(who, Permission::ViewReports); !allowed) return allowed.problem();
    VisitList visits = journal.visitsBetween(day, day);
    DailyLog log = summarizeDay(day, visits);
    return DailyReport{std::move(log), std::move(visits)};
}

Outcome<VisitList> followUpList(const StaffMember& who, ManagerJournal& journal) {
    if (auto allowed = requirePermission(who, Permission::ViewReports); !allowed) return allowed.problem();
    return journal.followUps();
}

Outcome<UsageReport> usageReport(const StaffMember& who, ManagerJournal& journal, const Date& month,
                                 const BonusTierTable& tiers) {
    auto history = usageHistory(who, journal, month, 1, tiers);
    if (!history) return history.problem();
    return UsageReport{history.value().months.at(month.firstOfMonth()), history.value().standing};
}

Outcome<UsageHistory> usageHistory(const StaffMember& who, ManagerJournal& journal, const Date& month, int months,
                                   const BonusTierTable& tiers) {
    if (auto allowed = requirePermission(who, Permission::ViewReports); !allowed) return allowed.problem();
    const Date last = month.firstOfMonth();
    const Date first = last.plusMonths(-(std::max(months, 1) - 1));
    const Date from = std::min(first, last.plusMonths(-kUsageMonthsBack));
    const auto patients = journal.patientsByMonth(from, last.plusMonths(1).plusDays(-1));
    const auto official = journal.officialRates();
    std::map<Date, MonthlyUsage> shownMonths;
    for (Date shown = first; shown <= last; shown = shown.plusMonths(1)) {
        auto entered = official.find(shown);
        shownMonths.insert_or_assign(
            shown, monthlyUsage(shown, patients, entered == official.end() ? std::nullopt : std::optional<int>(entered->second)));
    }
    return UsageHistory{std::move(shownMonths), computeUsageReport(last, patients, official, tiers).standing};
}

Outcome<VisitList> visitsForExport(const StaffMember& who, ManagerJournal& journal, const Date& from,
                                                   const Date& to) {
    if (auto allowed = requirePermission(who, Permission::ViewReports); !allowed) return allowed.problem();
    if (to < from) return Problem{"export.range", N_("The last day is before the first day.")};
    return journal.visitsBetween(from, to);
}

Outcome<bool> retagClaim(const StaffMember& who, VisitJournal& journal, Retag retag) {
    if (auto allowed = requirePermission(who, Permission::RetagClaim); !allowed) return allowed;
    retag.staffId = who.id;
    return journal.retag(retag);
}

Outcome<bool> enterOfficialRate(const StaffMember& who, ManagerJournal& journal, const Date& month, int basisPoints,
                                const LocalDateTime& at) {
    if (auto allowed = requirePermission(who, Permission::EnterOfficialRate); !allowed) return allowed;
    return journal.setOfficialRate(month.firstOfMonth(), basisPoints, who.id, at);
}

}  // namespace madoguchi
