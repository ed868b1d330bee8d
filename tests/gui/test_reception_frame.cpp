// The reception window opens under the harness's X server, in Japanese, with the demo strip.
#include <wx/intl.h>

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
