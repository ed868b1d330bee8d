#include "gui/reception/reception_desk.h"

#include <cstdio>

namespace madoguchi::gui {

ReceptionDesk::ReceptionDesk(ReceptionContext base, const Clock& clock, VisitJournal& journal)
    : base_(std::move(base)), clock_(clock), journal_(journal) {}

std::string ReceptionDesk::nextVisitId() {
    char counter[8];
    std::snprintf(counter, sizeof counter, "%03d", ++visitCounter_ % 1000);
    return "V" + clock_.now().compact() + "-" + counter;
}

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
