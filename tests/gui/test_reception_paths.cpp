// The reception window driven through the demo, branch by branch (DOMAIN.md §4): the same
// calls a click or a key makes (StepPanel::choose, the forms' fields), the real session,
// the simulated gateway answering through real folders, and the journal on a real SQLite file.
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <wx/button.h>
#include <wx/uiaction.h>
#include <wx/stattext.h>

#include "domain/copay.h"
#include "reception_demo_fixture.h"

using namespace madoguchi;
using namespace madoguchi::gui;
using S = ReceptionState;

namespace {

std::string label(const test::ReceptionDemo& window, const std::string& name) {
    auto* text = window.find<wxStaticText>(name);
    return text ? text->GetLabel().utf8_string() : std::string();
}

VisitList visitsToday(test::ReceptionDemo& window) {
    auto today = window.demo->clock().now().date;
    return window.demo->journal().visitsBetween(today, today);
}

std::string pdfText(const std::filesystem::path& pdf) {
    std::string command = "pdftotext -layout '" + pdf.string() + "' -";
    std::string text;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        std::array<char, 4096> buffer{};
        std::size_t read = 0;
        while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), read);
        pclose(pipe);
    }
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReceptionPaths)

BOOST_AUTO_TEST_CASE(FaceResultConfirmedThenCopayIsRecordedInTheJournal) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P001", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    BOOST_CHECK_EQUAL(window.frame->queuePanel()->rowCount(), 1);
    BOOST_CHECK(window.session()->tone() == Tone::Confirmed);
    const std::string shown = window.frame->eligibilityPanel()->shownText().utf8_string();
    BOOST_CHECK_MESSAGE(shown.find("窓口") != std::string::npos, shown);
    BOOST_CHECK_MESSAGE(shown.find("01130012") != std::string::npos, shown);
    BOOST_CHECK_MESSAGE(shown.find("3割") != std::string::npos, shown);
    test::saveScreenshot(window.frame, "01-confirmed-queue-step-eligibility");
    test::saveScreenshot(window.frame->eligibilityPanel(), "02-eligibility-panel-confirmed");

    window.type("copay_points", "1234");
    BOOST_CHECK_MESSAGE(label(window, "copay_amount").find("3,700") != std::string::npos, label(window, "copay_amount"));
    test::saveScreenshot(window.frame, "04-copay-confirmation");
    window.step().choose(ChoiceId::ConfirmCopay);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));

    auto visits = visitsToday(window);
    BOOST_REQUIRE_EQUAL(visits.size(), 1u);
    BOOST_CHECK_EQUAL(visits[0].patientId, "P001");
    BOOST_CHECK_EQUAL(visits[0].claimRoute, "current");
    BOOST_CHECK_EQUAL(visits[0].shareTenths, 3);
    BOOST_REQUIRE(visits[0].copayYen);
    BOOST_CHECK_EQUAL(*visits[0].copayYen, 3700);
    BOOST_CHECK_EQUAL(window.frame->queuePanel()->rowText(0, 3).utf8_string(), _("done").utf8_string());
}

BOOST_AUTO_TEST_CASE(InvalidEligibilityThenNoticeIsRefusedWithoutTheCardAndAcceptedWithIt) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P014", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingFallback));
    BOOST_CHECK(window.session()->tone() == Tone::Fallback);

    window.step().choose(ChoiceId::FallbackNotice);  // the card is not shown: the session refuses
    test::pumpEvents();
    BOOST_CHECK(window.inState(S::ChoosingFallback));
    BOOST_CHECK_MESSAGE(!window.step().notice().empty(), "the refusal's reason is shown");
    test::saveScreenshot(window.frame, "03-fallback-notice-refused-without-card");

    window.tick("fallback_card_shown");
    window.step().choose(ChoiceId::FallbackNotice);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EnteringDocument));
    window.type("doc_insurer", "01130013");  // wrong check digit
    BOOST_CHECK(!label(window, "doc_insurer_problem").empty());
    BOOST_CHECK(!window.find<wxButton>("doc_submit")->IsEnabled());
    window.type("doc_insurer", "01130012");
    window.type("doc_symbol", "1234");
    window.type("doc_number", "10145");
    window.type("doc_branch", "00");
    BOOST_CHECK(label(window, "doc_insurer_problem").empty());
    BOOST_CHECK(window.find<wxButton>("doc_submit")->IsEnabled());
    test::saveScreenshot(window.frame, "03-document-entry-notice");
    window.step().choose(ChoiceId::EnterDocument);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ConfirmingCopay));
    BOOST_CHECK(window.session()->record().source == EligibilitySource::NoticeWithCard);
    BOOST_CHECK(window.session()->record().claimRoute == ClaimRoute::Current);
    window.step().choose(ChoiceId::ConfirmCopay);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));
    auto visits = visitsToday(window);
    BOOST_REQUIRE_EQUAL(visits.size(), 1u);
    BOOST_CHECK_EQUAL(visits[0].source, "notice_with_card");
}

BOOST_AUTO_TEST_CASE(FirstVisitPrintsThePrefilledSelfDeclarationAsPdf) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P014", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingFallback));
    window.step().choose(ChoiceId::FallbackNone);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AskingVisitKind));
    window.step().choose(ChoiceId::FirstVisit);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingSelfDeclaration));
    window.step().choose(ChoiceId::PrintDeclaration);
    MADOGUCHI_REQUIRE_EVENTUALLY(!window.frame->flow().savedDeclarationPdf().empty());
    const auto pdf = window.frame->flow().savedDeclarationPdf();
    BOOST_REQUIRE(std::filesystem::exists(pdf));
    const std::string text = pdfText(pdf);
    BOOST_TEST_MESSAGE("申立書 PDF: " << pdf.string());
    BOOST_CHECK_MESSAGE(text.find("無効") != std::string::npos && text.find("退職") != std::string::npos, text);
    BOOST_CHECK_MESSAGE(text.find("申立書") != std::string::npos, text);
    BOOST_CHECK_MESSAGE(text.find("1975") != std::string::npos, "birth year");
    BOOST_CHECK_MESSAGE(text.find(window.today().substr(0, 4)) != std::string::npos, "the visit date's year");
    BOOST_CHECK_MESSAGE(text.find("窓口デモ診療所") != std::string::npos, "the facility");
    std::filesystem::copy_file(pdf, test::screenshotDir() / "06-self-declaration.pdf",
                               std::filesystem::copy_options::overwrite_existing);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.otherTopWindow() != nullptr);  // the print preview
    test::saveScreenshot(window.otherTopWindow(), "06-self-declaration-print-preview");
    window.closeOtherWindows();
    MADOGUCHI_REQUIRE_EVENTUALLY(window.frame->IsEnabled());

    window.step().choose(ChoiceId::DeclarationCompleted);
    test::pumpEvents();
    window.type("doc_address", "東京都千代田区霞が関1-2-2");
    window.type("doc_phone", "03-1234-5678");
    test::saveScreenshot(window.frame, "06-self-declaration-entry");
    window.step().choose(ChoiceId::EnterDocument);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ConfirmingCopay));
    BOOST_CHECK(window.session()->record().claimRoute == ClaimRoute::Unknown);
    BOOST_CHECK(window.session()->record().source == EligibilitySource::SelfDeclaration);
    window.step().choose(ChoiceId::ConfirmCopay);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));
    BOOST_CHECK(window.session()->record().share.tenths() == 3);
}

BOOST_AUTO_TEST_CASE(CardTapPinOnTheVirtualCardThenOnlineCheckByNumbers) {
    test::ReceptionDemo window;
    window.demo->tapCard("P001");
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingIdentityMethod));
    BOOST_CHECK_EQUAL(window.session()->pinTriesLeft(), 3);
    window.step().choose(ChoiceId::IdentityPin);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingPin));
    BOOST_CHECK(!label(window, "pin_tries_left").empty());
    test::saveScreenshot(window.frame, "07-pin-entry");
    window.type("pin_field", "9999");
    window.step().choose(ChoiceId::EnterPin);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingIdentityMethod));
    BOOST_CHECK_EQUAL(window.session()->pinTriesLeft(), 2);
    window.step().choose(ChoiceId::IdentityPin);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingPin));
    window.type("pin_field", kDemoCardPin);
    window.step().choose(ChoiceId::EnterPin);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    BOOST_CHECK(window.session()->record().identityMethod == IdentityMethod::Pin);
    BOOST_CHECK(window.session()->tone() == Tone::Confirmed);
}

BOOST_AUTO_TEST_CASE(KeyboardShortcutsChooseTheStep) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P016", IdentityMethod::Face));  // 資格情報なし
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingFallback));
    BOOST_CHECK(window.step().pressShortcut('4'));  // Neither
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AskingVisitKind));
    BOOST_CHECK(window.step().pressShortcut('1'));  // return visit: nothing on record → refused, reason shown
    test::pumpEvents();
    BOOST_CHECK(window.inState(S::AskingVisitKind));
    BOOST_CHECK(!window.step().notice().empty());
}

BOOST_AUTO_TEST_CASE(QueueMarksTheNewestArrivalWhileOthersWait) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P001", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    BOOST_REQUIRE(window.demo->dropFaceResult("P003", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.frame->queuePanel()->rowCount() == 2);
    BOOST_REQUIRE(window.demo->dropFaceResult("P006", IdentityMethod::Pin));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.frame->queuePanel()->rowCount() == 3);
    const auto* queue = window.frame->queuePanel();
    BOOST_CHECK_EQUAL(queue->rowText(0, 3).utf8_string(), _("at the window").utf8_string());
    BOOST_CHECK_EQUAL(queue->rowText(1, 3).utf8_string(), _("waiting").utf8_string());
    BOOST_CHECK_EQUAL(queue->rowText(2, 3).utf8_string(), _("★ new").utf8_string());
    test::saveScreenshot(window.frame, "00-queue-newest-marked");
    window.step().choose(ChoiceId::ConfirmCopay);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));
    BOOST_CHECK(window.step().pressShortcut(WXK_RETURN));  // next patient: the oldest waiting
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    BOOST_CHECK_EQUAL(window.frame->flow().currentArrival()->patientId, "P003");
}

BOOST_AUTO_TEST_CASE(RealKeyPressGoesThroughTheWindowsShortcutHandler) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P016", IdentityMethod::Face));  // 資格情報なし
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingFallback));
    window.frame->Raise();
    window.frame->stepPanel()->SetFocus();
    test::pumpFor(std::chrono::milliseconds(100));
    wxUIActionSimulator keyboard;
    keyboard.Char('4');  // [4] Neither, through X, GTK and the frame's char hook
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AskingVisitKind));
}

BOOST_AUTO_TEST_SUITE_END()
