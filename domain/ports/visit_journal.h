#pragma once
// Port to the facility's visit journal (storage/ implements it on SQLite).
#include <optional>
#include <string>
#include <vector>

#include "../outcome.h"
#include "../reception_session.h"
#include "../visit_record.h"

namespace madoguchi {

struct Retag {
    std::string visitId;
    ClaimRoute to = ClaimRoute::Current;
    std::string staffId;
    std::string reason;
    std::string evidence;  // e.g. the later 照会's raw XML or a document description
    LocalDateTime at{*Date::fromYmd(2000, 1, 1)};
};

class VisitJournal {
public:
    virtual ~VisitJournal() = default;
    virtual Outcome<bool> recordVisit(const VisitRecord& visit) = 0;
    virtual std::optional<PastEligibility> lastEligibility(const std::string& patientId) = 0;
    // A read of a patient's data (a past record opened at the window): who, when, what, for the
    // audit trail (patient.read, with the journal's window).
    virtual void recordAccess(const std::string& staffId, const std::string& patientId, const std::string& what,
                              const LocalDateTime& at) = 0;
    virtual Outcome<bool> retag(const Retag& retag) = 0;
    // Many re-tags in one transaction (a bulk re-check): each is checked as retag() checks it and
    // one refused (no such visit, already on that route, no reason) is skipped with its Problem;
    // the others are committed together. A failed commit gives every one the storage's Problem.
    // The outcomes are in the order of `retags`.
    virtual std::vector<Outcome<bool>> retagAll(const std::vector<Retag>& retags) = 0;
    // receivedAt: when this machine received the answer (the caller's clock); the gateway's own
    // ProcessExecutionTime is kept when the answer carries a readable one.
    virtual Outcome<bool> attachLateAnswer(const std::string& pendingRequestId, const EligibilityResult& result,
                                           const std::string& rawXml, const LocalDateTime& receivedAt) = 0;
    // The terminal rejected the request a visit waits for: the visit stops waiting (it keeps its
    // claim route, so it shows among the follow-ups) and the audit trail keeps the reason.
    virtual Outcome<bool> closeRejectedRequest(const std::string& pendingRequestId, const std::string& reason,
                                               const LocalDateTime& at) = 0;
};

}  // namespace madoguchi
