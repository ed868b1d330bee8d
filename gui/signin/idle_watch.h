#pragma once
// Notices when a window has been quiet: any key or mouse button in the window (or its dialogs)
// counts as activity, and the quiet time is measured on the window's Clock, checked every second.
#include <functional>

#include <wx/event.h>
#include <wx/eventfilter.h>
#include <wx/timer.h>

#include "domain/ports/clock.h"

class wxWindow;

namespace madoguchi::gui {

class IdleWatch : public wxEventFilter {
public:
    // minutes 0: never idle. idle() runs on the GUI thread, once per quiet spell.
    IdleWatch(wxWindow& window, const Clock& clock, int minutes, std::function<void()> idle);
    ~IdleWatch() override;
    IdleWatch(const IdleWatch&) = delete;
    IdleWatch& operator=(const IdleWatch&) = delete;

    int FilterEvent(wxEvent& event) override;
    void restart();  // counts as activity now, and watches again after a quiet spell was reported
    void check();    // the timer's tick: reports a quiet spell that has lasted long enough

private:
    wxWindow& window_;
    const Clock& clock_;
    long long quietSeconds_;
    std::function<void()> idle_;
    long long lastActivity_ = 0;  // seconds on the clock
    bool reported_ = false;
    wxTimer timer_;
};

}  // namespace madoguchi::gui
