#include "manager_desk.h"

namespace madoguchi {

Outcome<DailyReport> dailyReport(const StaffMember& who, ManagerJournal& journal, const Date& day) {
    if (auto allowed = requirePermission(who, Permission::ViewReports); !allowed) return allowed.problem();
    std::vector<VisitSummary> visits = journal.visitsBetween(day, day);
    DailyLog log = summarizeDay(day, visits);
    return DailyReport{std::move(log), std::move(visits)};
}

Outcome<std::vector<VisitSummary>> followUpList(const StaffMember& who, ManagerJournal& journal) {
    if (auto allowed = requirePermission(who, Permission::ViewReports); !allowed) return allowed.problem();
    return journal.followUps();
}

Outcome<UsageReport> usageReport(const StaffMember& who, ManagerJournal& journal, const Date& month,
                                 const BonusTierTable& tiers) {
    if (auto allowed = requirePermission(who, Permission::ViewReports); !allowed) return allowed.problem();
    Date first = month.firstOfMonth();
    auto visits = journal.usageVisitsBetween(first.plusMonths(-kUsageMonthsBack), first.plusMonths(1).plusDays(-1));
    return computeUsageReport(first, visits, journal.officialRates(), tiers);
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
