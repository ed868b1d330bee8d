#include "reception_demo_fixture.h"

#include "gui/settings/language.h"

namespace madoguchi::test {
using namespace ::madoguchi::gui;  // the harness drives the window's types

ReceptionDemo::ReceptionDemo(FacilityKind kind, FacilityMode mode) {
    applyLanguage("ja");  // the window as a Japanese front desk sees it
    auto environment = DemoEnvironment::create({}, kind, mode);
    BOOST_REQUIRE_MESSAGE(environment, "demo: " << (environment ? "" : environment.problem().message));
    demo = environment.value().get();
    frame = new ReceptionFrame(nullptr, std::move(environment).value());
    frame->SetPosition(wxPoint(0, 0));
    frame->Show();
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->IsShownOnScreen());
}

ReceptionDemo::~ReceptionDemo() {
    closeOtherWindows();
    frame->Destroy();
    pumpFor(std::chrono::milliseconds(50));
}

void ReceptionDemo::type(const std::string& field, const std::string& text) const {
    auto* control = find<wxTextCtrl>(field);
    BOOST_REQUIRE_MESSAGE(control, "no text field " << field);
    control->SetValue(wxString::FromUTF8(text.c_str()));  // sends wxEVT_TEXT like typing
    pumpEvents();
}

void ReceptionDemo::tick(const std::string& box) const {
    auto* control = find<wxCheckBox>(box);
    BOOST_REQUIRE_MESSAGE(control, "no check box " << box);
    control->SetValue(true);
    pumpEvents();
}

std::string ReceptionDemo::today() const { return demo->clock().now().date.iso(); }

}  // namespace madoguchi::test

namespace madoguchi::test {
using namespace ::madoguchi::gui;  // the harness drives the window's types

wxWindow* ReceptionDemo::otherTopWindow() const {
    for (wxWindow* window : wxTopLevelWindows)
        if (window != frame && window->IsShown()) return window;
    return nullptr;
}

void ReceptionDemo::closeOtherWindows() const {
    while (wxWindow* window = otherTopWindow()) {
        window->Close(true);  // a print preview re-enables the windows it disabled
        pumpFor(std::chrono::milliseconds(20));
        if (window == otherTopWindow()) window->Hide();
    }
}

}  // namespace madoguchi::test
