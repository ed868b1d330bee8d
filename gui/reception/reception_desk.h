#pragma once
// The current reception at this window: one ReceptionSession at a time, fed with the window's
// events, recorded in the visit journal when it finishes. No rules here: the session decides.
#include <memory>
#include <optional>
#include <string>

#include "domain/outcome.h"
#include "domain/ports/clock.h"
#include "domain/ports/visit_journal.h"
#include "domain/reception_session.h"

namespace madoguchi::gui {

class ReceptionDesk {
public:
    ReceptionDesk(ReceptionContext base, const Clock& clock, VisitJournal& journal);

    // Starts a new session (the previous one must be finished or absent).
    ReceptionSession& start(const std::string& patientId);
    ReceptionSession* session() { return session_.get(); }
    const ReceptionSession* session() const { return session_.get(); }
    bool busy() const { return session_ && !session_->finished(); }
    void clear() { session_.reset(); }

    // Applies the event now; a refusal's message is kept for the window to show. When the
    // session finishes, the visit is recorded (a failed write is kept by the journal for retry).
    Outcome<ReceptionState> apply(const ReceptionEvent& event);
    const std::string& lastRefusal() const { return lastRefusal_; }
    const std::optional<Problem>& lastRecordingProblem() const { return recordingProblem_; }

    const ReceptionContext& context() const { return base_; }
    // Who works at the window from now on: the next visit and every confirmation are theirs.
    void setStaff(const std::string& staffId) { base_.staffId = staffId; }
    VisitJournal& journal() { return journal_; }
    LocalDateTime now() const { return clock_.now(); }

private:
    std::string nextVisitId();

    ReceptionContext base_;
    const Clock& clock_;
    VisitJournal& journal_;
    std::unique_ptr<ReceptionSession> session_;
    std::string lastRefusal_;
    std::optional<Problem> recordingProblem_;
    int visitCounter_ = 0;
};

}  // namespace madoguchi::gui
