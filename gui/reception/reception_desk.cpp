#include "gui/reception/reception_desk.h"


namespace madoguchi::gui {

ReceptionDesk::ReceptionDesk(ReceptionContext base, const Clock& clock, VisitJournal& journal)
    : base_(std::move(base)), clock_(clock), journal_(journal) {}

std::string ReceptionDesk::nextVisitId() { return visitIdAt(base_.window, clock_.now(), ++visitCounter_); }

ReceptionSession& ReceptionDesk::start(const std::string& patientId) {
    ReceptionContext context = base_;
    context.visitId = nextVisitId();
    context.patientId = patientId;
    session_ = std::make_unique<ReceptionSession>(std::move(context), clock_.now());
    lastRefusal_.clear();
    recordingProblem_.reset();
    return *session_;
}

Outcome<ReceptionState> ReceptionDesk::apply(const ReceptionEvent& event) {
    if (!session_) return Problem{"reception.no_session", "No reception is in progress."};
    auto outcome = session_->apply(event, clock_.now());
    if (!outcome) {
        lastRefusal_ = outcome.problem().message;
        return outcome;
    }
    lastRefusal_.clear();
    if (session_->finished()) {
        auto recorded = journal_.recordVisit(session_->record());
        if (!recorded) recordingProblem_ = recorded.problem();
    }
    return outcome;
}

}  // namespace madoguchi::gui
