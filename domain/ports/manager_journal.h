#pragma once
// Port to what the manager's reports read from, and enter into, the facility's journal
// (storage/ implements it on SQLite beside the VisitJournal port).
#include <map>
#include <vector>

#include "../date.h"
#include "../follow_up_recheck.h"
#include "../manager_reports.h"
#include "../outcome.h"

namespace madoguchi {

class ManagerJournal {
public:
    virtual ~ManagerJournal() = default;
    virtual VisitList visitsBetween(const Date& from, const Date& to) = 0;  // inclusive
    // Distinct patients per month, from the month of `from` to that of `to` (countPatientsByMonth's
    // rule, kept by the journal); months without visits are absent.
    virtual std::map<Date, MonthPatients> patientsByMonth(const Date& from, const Date& to) = 0;
    virtual VisitList followUps() = 0;  // OLD and UNKNOWN claims, oldest first
    // The same visits with what a bulk re-check asks with (numbers, declared numbers, birth date).
    virtual std::vector<RecheckCandidate> recheckCandidates() = 0;
    virtual std::map<Date, int> officialRates() = 0;    // first of month → basis points
    virtual Outcome<bool> setOfficialRate(const Date& month, int basisPoints, const std::string& staffId,
                                          const LocalDateTime& at) = 0;
};

}  // namespace madoguchi
