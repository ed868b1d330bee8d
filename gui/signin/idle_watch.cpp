#include "gui/signin/idle_watch.h"

#include <wx/toplevel.h>
#include <wx/window.h>

namespace madoguchi::gui {
namespace {

long long secondsOf(const LocalDateTime& at) {
    return static_cast<long long>(at.date.daysSinceEpoch()) * 86400 + at.hour * 3600 + at.minute * 60 + at.second;
}

bool isActivity(wxEventType type) {
    return type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN || type == wxEVT_MOUSEWHEEL;
}

}  // namespace

IdleWatch::IdleWatch(wxWindow& window, const Clock& clock, int minutes, std::function<void()> idle)
    : window_(window), clock_(clock), quietSeconds_(static_cast<long long>(minutes) * 60), idle_(std::move(idle)) {
    restart();
    wxEvtHandler::AddFilter(this);
    timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { check(); });
    if (quietSeconds_ > 0) timer_.Start(1000);
}

IdleWatch::~IdleWatch() {
    timer_.Stop();
    wxEvtHandler::RemoveFilter(this);
}

int IdleWatch::FilterEvent(wxEvent& event) {
    if (isActivity(event.GetEventType())) {
        auto* target = wxDynamicCast(event.GetEventObject(), wxWindow);
        wxWindow* top = target ? wxGetTopLevelParent(target) : nullptr;
        if (top == &window_ || (top && top->GetParent() && wxGetTopLevelParent(top->GetParent()) == &window_)) restart();
    }
    return Event_Skip;
}

void IdleWatch::restart() {
    lastActivity_ = secondsOf(clock_.now());
    reported_ = false;
}

void IdleWatch::check() {
    if (quietSeconds_ <= 0 || reported_) return;
    if (secondsOf(clock_.now()) - lastActivity_ < quietSeconds_) return;
    reported_ = true;
    idle_();
}

}  // namespace madoguchi::gui
