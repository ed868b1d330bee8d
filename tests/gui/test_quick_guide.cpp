// The quick guide: F1 (the ヘルプ menu's accelerator) opens the page for where the session is,
// in the window's language, with the flow picture drawn in memory; the whole guide prints on A4.
#include <wx/filesys.h>
#include <wx/html/htmlwin.h>
#include <wx/html/htmprint.h>
#include <wx/menu.h>

#include "gui/help/quick_guide.h"
#include "gui/settings/language.h"
#include "reception_demo_fixture.h"

using namespace madoguchi;
using namespace madoguchi::gui;
using S = ReceptionState;

namespace {

struct Japanese {
    Japanese() { applyLanguage("ja"); }
    ~Japanese() { applyLanguage("en"); }
};

bool contains(const wxString& text, const wxString& part) { return text.Find(part) != wxNOT_FOUND; }

// F1 as the window's menu bar routes it: the accelerator of the ヘルプ entry.
QuickGuideFrame* pressF1(ReceptionFrame* frame) {
    wxMenuItem* item = frame->GetMenuBar()->FindItem(wxID_HELP);
    BOOST_REQUIRE(item);
    std::unique_ptr<wxAcceleratorEntry> accelerator(item->GetAccel());
    BOOST_REQUIRE(accelerator);
    BOOST_CHECK_EQUAL(accelerator->GetKeyCode(), int(WXK_F1));
    wxCommandEvent event(wxEVT_MENU, wxID_HELP);
    frame->ProcessWindowEvent(event);
    test::pumpEvents();
    auto* guide = dynamic_cast<QuickGuideFrame*>(wxWindow::FindWindowByName("quick_guide", frame));
    BOOST_REQUIRE(guide);
    return guide;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(QuickGuide)

BOOST_AUTO_TEST_CASE(F1OpensThePageForTheCurrentStep) {
    Japanese japanese;
    test::ReceptionDemo window;
    QuickGuideFrame* guide = pressF1(window.frame);
    BOOST_CHECK(guide->page() == GuidePage::Overview);  // nobody at the window yet
    test::saveScreenshot(guide, "guide-overview");

    BOOST_REQUIRE(window.demo->dropFaceResult("P016", IdentityMethod::Face));  // 資格情報なし
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingFallback));
    BOOST_CHECK(pressF1(window.frame) == guide);  // the same window, turned to the page
    BOOST_CHECK(guide->page() == GuidePage::Fallback);
    const wxString page = guide->html()->ToText();
    BOOST_CHECK(contains(page, wxString::FromUTF8("お知らせだけではお受けできません")));  // what to say
    BOOST_CHECK(contains(page, wxGetTranslation("What to say to the patient")));
    BOOST_CHECK(contains(page, wxString::FromUTF8("資格確認書")));
    test::saveScreenshot(guide, "guide-fallback");

    window.step().choose(ChoiceId::FallbackNone);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AskingVisitKind));
    pressF1(window.frame);
    BOOST_CHECK(guide->page() == GuidePage::VisitKind);
    guide->Destroy();
}

BOOST_AUTO_TEST_CASE(EveryStateHasAPageAndTheGuidePrintsOnA4) {
    Japanese japanese;
    BOOST_CHECK(guidePageFor(std::nullopt) == GuidePage::Overview);
    BOOST_CHECK(guidePageFor(S::AwaitingPin) == GuidePage::Identity);
    BOOST_CHECK(guidePageFor(S::AwaitingSelfDeclaration) == GuidePage::SelfDeclaration);
    BOOST_CHECK(guidePageFor(S::ConfirmingCopay) == GuidePage::CopayAndClaim);
    const wxString whole = wholeGuideHtml();
    for (GuidePage page : kGuidePages) {
        BOOST_CHECK(contains(whole, guidePageTitle(page)));
    }
    BOOST_CHECK(contains(guidePageTitle(GuidePage::Fallback), wxString::FromUTF8("代替")));  // Japanese titles
    wxFileSystem files;
    std::unique_ptr<wxFSFile> picture(files.OpenFile("memory:madoguchi-guide-flow.png"));
    BOOST_CHECK(picture);  // the flow drawn in memory, as the pages show it

    QuickGuideFrame guide(nullptr);
    BOOST_CHECK_EQUAL(guide.printing().GetPrintData()->GetPaperId(), wxPAPER_A4);
}

BOOST_AUTO_TEST_SUITE_END()
