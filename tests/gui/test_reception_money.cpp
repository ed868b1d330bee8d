// Issue 10 at the window: staff correct a decided share only with a reason (the copay panel), a
// patient who shows nothing pays 10割 from the first step with a reason, and the 申立書 entry
// keeps 保険の種類 and 保険者名 for the 摘要欄.
#include <wx/button.h>
#include <wx/choice.h>

#include "domain/manager_reports.h"
#include "reception_demo_fixture.h"

using namespace madoguchi;
using namespace madoguchi::gui;
using S = ReceptionState;

namespace {

void pick(const test::ReceptionDemo& window, const std::string& name, int index) {
    auto* choice = window.find<wxChoice>(name);
    BOOST_REQUIRE_MESSAGE(choice, "no choice " << name);
    choice->SetSelection(index);
    wxCommandEvent changed(wxEVT_CHOICE, choice->GetId());
    changed.SetEventObject(choice);
    choice->GetEventHandler()->ProcessEvent(changed);
}

void click(const test::ReceptionDemo& window, const std::string& name) {
    auto* button = window.find<wxButton>(name);
    BOOST_REQUIRE_MESSAGE(button, "no button " << name);
    wxCommandEvent clicked(wxEVT_BUTTON, button->GetId());
    clicked.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(clicked);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReceptionMoney)

BOOST_AUTO_TEST_CASE(StaffCorrectADecidedShareOnlyWithAReason) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P006", IdentityMethod::Face));  // 70-74, 2割 in the result
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    BOOST_REQUIRE(window.session()->shareDecision() && window.session()->shareDecision()->share);
    const int decided = window.session()->shareDecision()->share->tenths();
    const int corrected = decided == 3 ? 2 : 3;
    pick(window, "copay_correct_share", corrected);
    window.type("copay_points", "1000");
    click(window, "copay_submit");
    test::pumpEvents();
    BOOST_CHECK(window.inState(S::EligibilityConfirmed));  // refused: the reason is missing
    BOOST_CHECK(!window.step().notice().empty());
    window.type("copay_correction_reason", "高齢受給者証で現役並み");
    click(window, "copay_submit");
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));
    const VisitRecord& record = window.session()->record();
    BOOST_CHECK_EQUAL(record.share.tenths(), corrected);
    BOOST_CHECK_EQUAL(record.copay->value, corrected * 1000);
    BOOST_REQUIRE(record.shareCorrection);
    BOOST_CHECK_EQUAL(record.shareCorrection->decided->tenths(), decided);
    BOOST_CHECK_EQUAL(record.shareCorrection->reason, "高齢受給者証で現役並み");
    const Date today = window.demo->clock().now().date;
    BOOST_CHECK(test::pumpUntil(
        [&] { return summarizeDay(today, window.demo->journal().visitsBetween(today, today)).shareCorrections.size() == 1; },
        std::chrono::seconds(20)));
}

BOOST_AUTO_TEST_CASE(NothingShownPaysTheFullChargeFromTheFirstStep) {
    test::ReceptionDemo window;
    window.frame->flow().startWithoutCard();
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingPresentation));
    window.step().choose(ChoiceId::PresentNoProof);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.find<wxTextCtrl>("reason_field") != nullptr);
    window.type("reason_field", "保険証類を何も持参せず");
    click(window, "reason_submit");
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ConfirmingCopay));
    window.step().choose(ChoiceId::ConfirmCopay);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));
    const VisitRecord& record = window.session()->record();
    BOOST_CHECK(record.share.isFullCharge());
    BOOST_CHECK(record.source == EligibilitySource::NoProof);
    BOOST_CHECK_EQUAL(record.fullChargeReason, "保険証類を何も持参せず");
}

BOOST_AUTO_TEST_CASE(TheDeclarationEntryKeepsTheInsuranceTypeAndName) {
    test::ReceptionDemo window;
    window.demo->tapCard("P018");  // the terminal answers slowly: stop waiting, no document
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingIdentityMethod));
    window.step().choose(ChoiceId::IdentityVisual);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingVisualCheck));
    window.step().choose(ChoiceId::VisualConfirmed);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.session()->state() == S::QueryingEligibility);
    window.step().choose(ChoiceId::StopWaiting);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingFallback));
    window.step().choose(ChoiceId::FallbackNone);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AskingVisitKind));
    window.step().choose(ChoiceId::FirstVisit);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingSelfDeclaration));
    window.step().choose(ChoiceId::DeclarationCompleted);
    test::pumpEvents();
    auto* type = window.find<wxChoice>("doc_insurance_type");
    BOOST_REQUIRE(type);
    BOOST_CHECK_EQUAL(type->GetCount(), 5u);  // 被用者保険, 国民健康保険, 国保組合, 後期高齢者医療, わからない
    window.type("doc_name", "申立　花子");
    window.type("doc_kana", "モウシタテ　ハナコ");
    window.type("doc_birth", "1966-12-12");
    window.type("doc_address", "東京都千代田区霞が関1-2-2");
    pick(window, "doc_insurance_type", 3);
    window.type("doc_insurer_name", "東京都医師国民健康保険組合");
    window.step().choose(ChoiceId::EnterDocument);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ConfirmingCopay));
    const VisitRecord& record = window.session()->record();
    BOOST_REQUIRE(record.claimRemarks);
    BOOST_CHECK(record.claimRemarks->insuranceType == DeclaredInsuranceType::NationalHealthInsuranceUnion);
    BOOST_CHECK_EQUAL(record.claimRemarks->insurerName, "東京都医師国民健康保険組合");
    BOOST_CHECK(claimRemarksText(*record.claimRemarks).find("国保組合") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
