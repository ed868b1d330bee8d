// The reception window opens under the harness's X server, in Japanese, with the demo strip.
#include <wx/display.h>
#include <wx/intl.h>

#include "gui/app/window_placement.h"
#include "gui/status/device_status_bar.h"
#include "reception_demo_fixture.h"

using namespace madoguchi;
using namespace madoguchi::gui;

BOOST_AUTO_TEST_SUITE(ReceptionFrameOpens)

BOOST_AUTO_TEST_CASE(DemoWindowShowsItsTitleQueueAndDemoStrip) {
    test::ReceptionDemo window;
    BOOST_CHECK_EQUAL(window.frame->GetTitle().utf8_string(), _("Madoguchi (demo)").utf8_string());
    BOOST_CHECK_EQUAL(window.frame->queuePanel()->rowCount(), 0);
    BOOST_REQUIRE(window.frame->demoPanel() != nullptr);
    BOOST_CHECK(window.frame->demoPanel()->IsShownOnScreen());
    BOOST_CHECK(window.session() == nullptr);
    BOOST_CHECK(!test::saveScreenshot(window.frame, "00-idle-window").empty());
    BOOST_CHECK(!test::saveScreenshot(window.frame->demoPanel(), "05-demo-panel").empty());
}

BOOST_AUTO_TEST_SUITE_END()

// A clinic's PC often has 1366×768 with a taskbar: the window must not hide its status bar below it.
BOOST_AUTO_TEST_SUITE(WindowPlacement)

BOOST_AUTO_TEST_CASE(APreferredSizeThatFitsIsKept) {
    BOOST_CHECK(!fittedRect(wxSize(1270, 820), wxRect(0, 0, 1920, 1040)).has_value());
    BOOST_CHECK(!fittedRect(wxSize(1270, 820), wxRect(0, 0, 1270, 820)).has_value());
}

BOOST_AUTO_TEST_CASE(ALaptopScreenCutsTheHeightToItsWorkArea) {
    const auto fitted = fittedRect(wxSize(1270, 820), wxRect(0, 0, 1366, 728));
    BOOST_REQUIRE(fitted.has_value());
    BOOST_CHECK(*fitted == wxRect(0, 0, 1270, 728));
}

BOOST_AUTO_TEST_CASE(TheWindowStaysOnTheDisplayItOpensOn) {
    const auto fitted = fittedRect(wxSize(1270, 820), wxRect(1920, 40, 1024, 728));
    BOOST_REQUIRE(fitted.has_value());
    BOOST_CHECK(*fitted == wxRect(1920, 40, 1024, 728));
}

BOOST_AUTO_TEST_CASE(TheReceptionWindowOpensInsideTheWorkAreaWithItsStatusBar) {
    test::ReceptionDemo window;
    const wxRect area = wxDisplay(window.frame).GetClientArea();
    BOOST_CHECK(area.Contains(window.frame->GetScreenRect()));
    BOOST_CHECK(area.Contains(window.frame->deviceStatus()->GetScreenRect()));
    BOOST_CHECK(window.frame->deviceStatus()->IsShownOnScreen());
}

BOOST_AUTO_TEST_SUITE_END()
