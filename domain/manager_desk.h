#pragma once
// The back-office use cases: the manager's reports, re-tagging a claim, entering the official
// usage rate. Each checks the staff member's role (staff.h) before it touches the journal, so the
// rule holds for the window, the command line and any later front end alike.
#include <map>
#include <vector>

#include "manager_reports.h"
#include "ports/manager_journal.h"
#include "ports/visit_journal.h"
#include "staff.h"

namespace madoguchi {

struct DailyReport {
    DailyLog log;
    VisitList visits;  // the day's rows, for the CSV export
};

Outcome<DailyReport> dailyReport(const StaffMember& who, ManagerJournal& journal, const Date& day);
Outcome<VisitList> followUpList(const StaffMember& who, ManagerJournal& journal);
Outcome<UsageReport> usageReport(const StaffMember& who, ManagerJournal& journal, const Date& month,
                                 const BonusTierTable& tiers);
// The usage of the `months` months up to and including `month` (each estimate beside the official
// figure) and `month`'s standing as a billing month: the manager window's chart.
struct UsageHistory {
    std::map<Date, MonthlyUsage> months;  // first of month → usage
    BillingMonthStanding standing;
};
Outcome<UsageHistory> usageHistory(const StaffMember& who, ManagerJournal& journal, const Date& month, int months,
                                   const BonusTierTable& tiers);
// The visits of a period (inclusive), for the CSV export.
Outcome<VisitList> visitsForExport(const StaffMember& who, ManagerJournal& journal, const Date& from,
                                                   const Date& to);
// OLD / UNKNOWN → CURRENT (or back) with the reason and the evidence; the re-tag is signed by `who`.
Outcome<bool> retagClaim(const StaffMember& who, VisitJournal& journal, Retag retag);
Outcome<bool> enterOfficialRate(const StaffMember& who, ManagerJournal& journal, const Date& month, int basisPoints,
                                const LocalDateTime& at);

}  // namespace madoguchi
