// The reception window opens under the harness's X server.
#include <wx/intl.h>

#include "gui/app/reception_frame.h"
#include "gui_harness.h"

using namespace madoguchi::gui;

BOOST_AUTO_TEST_SUITE(ReceptionFrameOpens)

BOOST_AUTO_TEST_CASE(MainFrameShowsWithItsTitle) {
    auto* frame = new ReceptionFrame(nullptr);
    frame->Show();
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->IsShownOnScreen());
    BOOST_CHECK_EQUAL(frame->GetTitle().ToStdString(), _("Madoguchi").ToStdString());
    BOOST_CHECK(!test::saveScreenshot(frame, "harness-empty-frame").empty());
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_SUITE_END()
