// The rest of DOMAIN.md §4 at the window: 再診 on the last recorded eligibility, 10割 only with a
// reason, several matches chosen by staff, a slow online answer shown with progress and left
// pending, certificate alerts and the 高齢受給者 / 限度額 blocks in the eligibility panel.
#include <wx/button.h>
#include <wx/stattext.h>

#include "gui/settings/facility_wording.h"
#include "reception_demo_fixture.h"

using namespace madoguchi;
using namespace madoguchi::gui;
using S = ReceptionState;

namespace {

// A confirmed visit on record for a patient (what a visit some weeks ago left in the journal).
void recordEarlierVisit(test::ReceptionDemo& window, const std::string& patientId) {
    const auto* person = window.demo->dataset().byId(patientId);
    BOOST_REQUIRE(person);
    const auto& q = person->record();
    VisitRecord visit;
    visit.visitId = "V-earlier-" + patientId;
    visit.patientId = patientId;
    visit.patient.name = q.name;
    visit.patient.birthDate = q.birthDate();
    visit.insurance = {q.insurerNumber, {q.insuredCardSymbol, q.insuredIdentificationNumber, q.insuredBranchNumber}};
    visit.share = *CopayShare::fromTenths(3);
    visit.staffId = kDemoStaffId;
    visit.startedAt = visit.completedAt = LocalDateTime{window.demo->clock().now().date.plusDays(-30), 9, 0, 0};
    BOOST_REQUIRE(window.demo->journal().recordVisit(visit));
}

std::string shownEligibility(const test::ReceptionDemo& window) {
    return window.frame->eligibilityPanel()->shownText().utf8_string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReceptionFallbacks)

BOOST_AUTO_TEST_CASE(ReturnVisitUsesTheLastRecordedEligibilityConfirmedOrally) {
    test::ReceptionDemo window;
    recordEarlierVisit(window, "P016");
    BOOST_REQUIRE(window.demo->dropFaceResult("P016", IdentityMethod::Face));  // 資格情報なし
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingFallback));
    window.step().choose(ChoiceId::FallbackNone);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AskingVisitKind));
    window.type("visit_patient_id", "P016");
    window.step().choose(ChoiceId::ReturnVisit);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ConfirmingPastRecord));
    test::saveScreenshot(window.frame, "08-return-visit-past-record");
    {  // the past record shown is a read of the patient's data: who, which patient, which window
        auto reads = window.demo->journal().database().prepare(
            "SELECT staff_id, window FROM audit_log WHERE action = 'patient.read' AND patient_id = 'P016'");
        BOOST_REQUIRE(reads.step());
        BOOST_CHECK_EQUAL(reads.text(0), kDemoStaffId);
        BOOST_CHECK_EQUAL(reads.text(1), window.demo->journal().window());
        BOOST_CHECK(!reads.step());
    }
    window.step().choose(ChoiceId::ConfirmPastRecord);  // not ticked: the session asks for the oral confirmation
    test::pumpEvents();
    BOOST_CHECK(window.inState(S::ConfirmingPastRecord));
    BOOST_CHECK(!window.step().notice().empty());
    window.tick("past_confirmed_orally");
    window.step().choose(ChoiceId::ConfirmPastRecord);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ConfirmingCopay));
    BOOST_CHECK(window.session()->record().claimRoute == ClaimRoute::Old);
    BOOST_CHECK(window.session()->record().source == EligibilitySource::PastRecord);
    window.step().choose(ChoiceId::ConfirmCopay);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));
}

BOOST_AUTO_TEST_CASE(FullChargeOnlyWithARecordedReason) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P001", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    window.step().choose(ChoiceId::FullCharge);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.find<wxTextCtrl>("reason_field") != nullptr);
    auto* submit = window.find<wxButton>("reason_submit");
    wxCommandEvent click(wxEVT_BUTTON, submit->GetId());
    click.SetEventObject(submit);
    submit->GetEventHandler()->ProcessEvent(click);  // as a click with the reason left empty
    test::pumpEvents();
    BOOST_CHECK(window.inState(S::EligibilityConfirmed));  // refused: no reason
    BOOST_CHECK(!window.step().notice().empty());
    window.type("reason_field", "患者さんの希望で自費診療");
    submit = window.find<wxButton>("reason_submit");
    BOOST_REQUIRE(submit);
    wxCommandEvent again(wxEVT_BUTTON, submit->GetId());
    again.SetEventObject(submit);
    submit->GetEventHandler()->ProcessEvent(again);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ConfirmingCopay));
    test::saveScreenshot(window.frame, "09-full-charge-with-reason");
    window.step().choose(ChoiceId::ConfirmCopay);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));
    BOOST_CHECK(window.session()->record().share.isFullCharge());
    BOOST_CHECK_EQUAL(window.session()->record().fullChargeReason, "患者さんの希望で自費診療");
}

BOOST_AUTO_TEST_CASE(SeveralMatchesAreChosenByStaff) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P017", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ResolvingMultipleMatches));
    BOOST_CHECK(window.session()->tone() == Tone::Warning);
    test::saveScreenshot(window.frame, "10-several-matches");
    window.frame->flow().chooseMatch(0);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
}

BOOST_AUTO_TEST_CASE(SlowAnswerShowsProgressAndStopsWaitingWithTheRequestPending) {
    test::ReceptionDemo window;
    window.demo->tapCard("P018");  // the terminal answers after 8 s
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingIdentityMethod));
    window.step().choose(ChoiceId::IdentityVisual);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingVisualCheck));
    window.step().choose(ChoiceId::VisualConfirmed);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.session()->state() == S::QueryingEligibility && window.frame->flow().working());
    MADOGUCHI_REQUIRE_EVENTUALLY(window.find<wxWindow>("progress") != nullptr);
    test::saveScreenshot(window.frame, "11-waiting-for-the-online-answer");
    window.step().choose(ChoiceId::StopWaiting);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingFallback));
    BOOST_CHECK(!window.session()->record().pendingRequestId.empty());
    BOOST_CHECK(window.session()->record().identityMethod == IdentityMethod::Visual);

    // The patient is seen on the fallback; the answer that comes later is attached to the visit.
    window.step().choose(ChoiceId::FallbackNone);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AskingVisitKind));
    window.step().choose(ChoiceId::FirstVisit);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingSelfDeclaration));
    window.step().choose(ChoiceId::DeclarationCompleted);
    test::pumpEvents();
    window.type("doc_name", "遅延　応答");  // nothing is known yet: the patient writes it all
    window.type("doc_birth", "1966-12-12");
    window.type("doc_address", "東京都千代田区霞が関1-2-2");
    window.step().choose(ChoiceId::EnterDocument);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ConfirmingCopay));
    window.step().choose(ChoiceId::ConfirmCopay);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::Completed));
    const auto today = window.demo->clock().now().date;
    BOOST_CHECK(test::pumpUntil(
        [&] {
            auto visits = window.demo->journal().visitsBetween(today, today);
            return visits.size() == 1 && visits[0].validity == "1" && visits[0].claimRoute == "current";
        },
        std::chrono::seconds(20)));
    window.closeOtherWindows();
}

BOOST_AUTO_TEST_CASE(CertificateAlertOnTheCardIsShown) {
    test::ReceptionDemo window;
    window.demo->tapCard("P012");  // certificate expired, within the 3-month grace
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::ChoosingIdentityMethod));
    BOOST_REQUIRE(window.session()->certificateStanding());
    BOOST_CHECK(*window.session()->certificateStanding() == CertificateStanding::InGracePeriod);
    window.step().choose(ChoiceId::IdentityPin);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingPin));
    window.type("pin_field", kDemoCardPin);
    window.step().choose(ChoiceId::EnterPin);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    test::saveScreenshot(window.frame->eligibilityPanel(), "12-eligibility-certificate-grace-alert");
}

BOOST_AUTO_TEST_CASE(ElderlyRecipientAndLimitBlocksAreShown) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P006", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    const std::string shown = shownEligibility(window);
    BOOST_CHECK_MESSAGE(shown.find("高齢受給者") != std::string::npos, shown);
    BOOST_CHECK_MESSAGE(shown.find("限度額") != std::string::npos, shown);
    BOOST_CHECK_MESSAGE(shown.find("2割") != std::string::npos, shown);
    test::saveScreenshot(window.frame->eligibilityPanel(), "13-eligibility-elderly-and-limit");
}

BOOST_AUTO_TEST_CASE(UnrepresentableNameIsFlagged) {
    test::ReceptionDemo window;
    BOOST_REQUIRE(window.demo->dropFaceResult("P010", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    BOOST_CHECK(shownEligibility(window).find("●") != std::string::npos);
    test::saveScreenshot(window.frame->eligibilityPanel(), "14-eligibility-flagged-name");
}

BOOST_AUTO_TEST_CASE(PharmacyCounterShowsTheMedicationConsentFirst) {
    test::ReceptionDemo window(FacilityKind::Pharmacy);
    BOOST_REQUIRE(window.demo->dropFaceResult("P001", IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    const std::string shown = shownEligibility(window);
    const auto consent = shown.find(medicalInfoConsentLabel(FacilityKind::Pharmacy).utf8_string());
    BOOST_REQUIRE_MESSAGE(consent != std::string::npos, shown);
    BOOST_CHECK_MESSAGE(consent < shown.find("窓口"), "the consent comes before the patient");
    test::saveScreenshot(window.frame, "15-pharmacy-counter");
}

BOOST_AUTO_TEST_SUITE_END()
