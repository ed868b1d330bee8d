#pragma once
// A reception window in demo mode, in-process: the same environment `madoguchi --demo` builds
// (simulated gateway answering through real folders, virtual cards, a throw-away journal).
#include <string>

#include <wx/checkbox.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include "gui/app/reception_frame.h"
#include "gui/demo/demo_environment.h"
#include "gui/reception/eligibility_panel.h"
#include "gui/reception/queue_panel.h"
#include "gui/reception/step_panel.h"
#include "gui_harness.h"

namespace madoguchi::test {
using namespace ::madoguchi::gui;  // the harness drives the window's types

struct ReceptionDemo {
    explicit ReceptionDemo(FacilityKind kind = FacilityKind::Clinic, FacilityMode mode = FacilityMode::Standard);
    ~ReceptionDemo();

    ReceptionFrame* frame = nullptr;
    DemoEnvironment* demo = nullptr;

    const ReceptionSession* session() const { return frame->flow().session(); }
    bool inState(ReceptionState state) const { return session() && session()->state() == state && !frame->flow().working(); }
    StepPanel& step() const { return *frame->stepPanel(); }
    // A named control of the current step's form.
    template <class Control>
    Control* find(const std::string& name) const {
        return dynamic_cast<Control*>(wxWindow::FindWindowByName(name, frame));
    }
    void type(const std::string& field, const std::string& text) const;
    void tick(const std::string& box) const;
    std::string today() const;
    // A top-level window other than the reception window (a print preview), or nullptr.
    wxWindow* otherTopWindow() const;
    void closeOtherWindows() const;
};

}  // namespace madoguchi::test
