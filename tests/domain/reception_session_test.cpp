#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <functional>

#include <set>

#include "domain/reception_session.h"
#include "domain_printers.h"

using namespace madoguchi;
namespace ev = madoguchi::event;
using S = ReceptionState;

namespace {

LocalDateTime at(const char* iso = "2026-11-25T09:00:00") { return *LocalDateTime::parseIso(iso); }

ReceptionContext context(FacilityMode mode = FacilityMode::Standard) {
    ReceptionContext c;
    c.facility.mode = mode;
    c.facility.medicalInstitutionCode = "1312345678";
    c.datedSettings = DatedSettings::parse("legacy_insurance_card_last_day\t2025-12-01\n").value();
    c.staffId = "uketsuke1";
    c.visitId = "V-1";
    return c;
}

QualificationRecord person(const char* birth = "19800615", const char* insurer = "01130012") {
    QualificationRecord q;
    q.insurerNumber = insurer;
    q.insuredCardSymbol = "1234";
    q.insuredIdentificationNumber = "5678";
    q.insuredBranchNumber = "01";
    q.name = "窓口　花子";
    q.birthdate = birth;
    return q;
}

EligibilityResult result(const char* validity, std::vector<QualificationRecord> records = {person()},
                         const char* segment = "1", const char* status = "1") {
    EligibilityResult r;
    r.segmentOfResult.raw = segment;
    r.processingResultStatus.raw = status;
    r.qualificationValidity.raw = validity;
    r.results = std::move(records);
    return r;
}

struct Window {
    ReceptionSession session;
    explicit Window(FacilityMode mode = FacilityMode::Standard, const char* start = "2026-11-25T09:00:00")
        : session(context(mode), at(start)) {}
    S go(const ReceptionEvent& e, const char* when = "2026-11-25T09:01:00") {
        auto next = session.apply(e, at(when));
        BOOST_REQUIRE_MESSAGE(next, "refused " << receptionEventName(e) << ": " << (next ? "" : next.problem().message));
        return next.value();
    }
    Problem refused(const ReceptionEvent& e, const char* when = "2026-11-25T09:01:00") {
        S before = session.state();
        std::size_t trail = session.record().trail.size();
        auto next = session.apply(e, at(when));
        BOOST_REQUIRE_MESSAGE(!next, "accepted " << receptionEventName(e));
        BOOST_CHECK(session.state() == before);
        BOOST_CHECK_EQUAL(session.record().trail.size(), trail);
        BOOST_CHECK(!next.problem().message.empty());
        return next.problem();
    }
    void toIdentity(int tries = 3) {
        go(ev::MyNumberCardPresented{});
        go(ev::CardRead{Date::parseIso("2030-01-01"), tries});
    }
    void toQuery() {
        toIdentity();
        go(ev::IdentityMethodChosen{IdentityMethod::Pin});
        go(ev::PinChecked{true, 3});
    }
    void toFallback() {
        toQuery();
        go(ev::EligibilityAnswered{result("2"), "<xml/>"});
    }
};

bool offers(const ReceptionSession& s, const std::string& id) {
    for (const auto& c : s.choices())
        if (choiceName(c.id) == id) return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReceptionConfirmedPath)

BOOST_AUTO_TEST_CASE(CardPinAndValidResultEndInACurrentClaimWithTheAgeShare) {
    Window w;
    BOOST_CHECK(w.go(ev::MyNumberCardPresented{}) == S::ReadingCard);
    BOOST_CHECK(w.go(ev::CardRead{Date::parseIso("2030-01-01"), 3}) == S::ChoosingIdentityMethod);
    BOOST_CHECK(w.go(ev::IdentityMethodChosen{IdentityMethod::Pin}) == S::AwaitingPin);
    BOOST_CHECK(w.go(ev::PinChecked{true, 3}) == S::QueryingEligibility);
    BOOST_CHECK(w.go(ev::EligibilityAnswered{result("1"), "<xml/>"}) == S::EligibilityConfirmed);
    BOOST_CHECK(w.session.tone() == Tone::Confirmed);
    BOOST_CHECK(w.go(ev::CopayConfirmed{1235, std::nullopt}) == S::Completed);
    const VisitRecord& r = w.session.record();
    BOOST_CHECK_EQUAL(r.identityMethod, IdentityMethod::Pin);
    BOOST_CHECK_EQUAL(r.source, EligibilitySource::OnlineCard);
    BOOST_CHECK_EQUAL(r.claimRoute, ClaimRoute::Current);
    BOOST_CHECK_EQUAL(r.share.tenths(), 3);
    BOOST_CHECK_EQUAL(r.copay->value, 3710);
    BOOST_CHECK_EQUAL(r.insurance.insurerNumber, "01130012");
    BOOST_CHECK_EQUAL(r.rawGatewayXml, "<xml/>");
    BOOST_CHECK_EQUAL(r.trail.size(), 6u);
    BOOST_CHECK_EQUAL(r.trail.back().toState, "completed");
    BOOST_CHECK(w.session.finished());
}

BOOST_AUTO_TEST_CASE(CertifiedReaderResultSkipsTheCardSteps) {
    Window w;
    BOOST_CHECK(w.go(ev::CertifiedReaderResult{result("1"), IdentityMethod::Face, "<x/>"}) == S::EligibilityConfirmed);
    BOOST_CHECK_EQUAL(w.session.record().identityMethod, IdentityMethod::Face);
}

BOOST_AUTO_TEST_CASE(CardSymbolAndNumberFromTheResultAreKeptHalfWidth) {
    auto q = person();
    q.insuredCardSymbol = "ＡＢ１２";
    q.insuredIdentificationNumber = "　５６７８";
    q.insuredBranchNumber = "０１";
    Window w;
    w.go(ev::CertifiedReaderResult{result("1", {q}), IdentityMethod::Face, "<x/>"});
    const auto& card = w.session.record().insurance.card;
    BOOST_CHECK_EQUAL(card.symbol, "AB12");
    BOOST_CHECK_EQUAL(card.number, "5678");
    BOOST_CHECK_EQUAL(card.branch, "01");
}

BOOST_AUTO_TEST_CASE(LateElderlyShareComesFromTheResult) {
    Window w;
    auto q = person("19400101", "39131008");
    q.insuredPartialContributionRatio = "010";
    w.go(ev::CertifiedReaderResult{result("1", {q}), IdentityMethod::Face, ""});
    w.go(ev::CopayConfirmed{1000, std::nullopt});
    BOOST_CHECK_EQUAL(w.session.record().share.tenths(), 1);
    BOOST_CHECK_EQUAL(w.session.record().copay->value, 1000);
}

BOOST_AUTO_TEST_CASE(LateElderlyWithoutARatioNeedsStaffToSetTheShare) {
    Window w;
    w.go(ev::CertifiedReaderResult{result("1", {person("19400101", "39131008")}), IdentityMethod::Face, ""});
    auto problem = w.refused(ev::CopayConfirmed{1000, std::nullopt});
    BOOST_CHECK_EQUAL(problem.code, "reception.share_needed");
    w.go(ev::CopayConfirmed{1000, CopayShare::fromTenths(2)});
    BOOST_CHECK_EQUAL(w.session.record().share.tenths(), 2);
}

BOOST_AUTO_TEST_CASE(ProcessingMessageAndUnrepresentableNameAreShownAsWarnings) {
    Window w;
    auto r = result("1");
    r.processingResultMessage = "電子証明書の有効期限が3か月以内に切れます";
    r.results[0].nameHasUnrepresentableCharacters = true;
    w.go(ev::CertifiedReaderResult{r, IdentityMethod::Face, ""});
    BOOST_CHECK_EQUAL(w.session.warnings().size(), 2u);
    BOOST_CHECK_EQUAL(w.session.warnings().front(), "電子証明書の有効期限が3か月以内に切れます");
}

BOOST_AUTO_TEST_CASE(MultipleMatchesAreChosenByStaffNeverAutomatically) {
    Window w;
    w.toQuery();
    BOOST_CHECK(w.go(ev::EligibilityAnswered{result("5", {person(), person("19800615", "06130025")}), ""}) ==
                S::ResolvingMultipleMatches);
    BOOST_CHECK(w.session.tone() == Tone::Warning);
    w.refused(ev::CopayConfirmed{100, std::nullopt});
    w.refused(ev::MatchChosen{2});
    BOOST_CHECK(w.go(ev::MatchChosen{1}) == S::EligibilityConfirmed);
    BOOST_CHECK_EQUAL(w.session.record().insurance.insurerNumber, "06130025");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReceptionIdentity)

BOOST_AUTO_TEST_CASE(WrongPinsCountDownAndNeverRetryAutomatically) {
    Window w;
    w.toIdentity();
    w.go(ev::IdentityMethodChosen{IdentityMethod::Pin});
    BOOST_CHECK(w.go(ev::PinChecked{false, 2}) == S::ChoosingIdentityMethod);
    BOOST_CHECK_EQUAL(w.session.pinTriesLeft(), 2);
    w.refused(ev::PinChecked{true, 3});  // no PIN entry without choosing it again
    w.go(ev::IdentityMethodChosen{IdentityMethod::Pin});
    w.go(ev::PinChecked{false, 1});
    w.go(ev::IdentityMethodChosen{IdentityMethod::Pin});
    w.go(ev::PinChecked{false, 0});
    BOOST_CHECK_EQUAL(w.session.pinTriesLeft(), 0);
    BOOST_CHECK(!offers(w.session, "identity.pin"));
    BOOST_CHECK(offers(w.session, "identity.visual"));
    BOOST_CHECK_EQUAL(w.refused(ev::IdentityMethodChosen{IdentityMethod::Pin}).code, "reception.pin_locked");
    w.go(ev::IdentityMethodChosen{IdentityMethod::Visual});
    BOOST_CHECK_EQUAL(w.refused(ev::VisualCheckConfirmed{""}).code, "reception.visual_needs_staff");
    BOOST_CHECK(w.go(ev::VisualCheckConfirmed{"kango2"}) == S::QueryingEligibility);
    BOOST_CHECK_EQUAL(w.session.record().identityMethod, IdentityMethod::Visual);
    BOOST_CHECK_EQUAL(w.session.record().identityConfirmedBy, "kango2");
}

// The PIN is locked; the face check (it needs no PIN) and 目視 remain.
BOOST_AUTO_TEST_CASE(ALockedCardReadOffersTheFaceCheckAndVisualButNoPin) {
    Window w;
    w.toIdentity(0);
    std::vector<std::string> identityChoices;
    for (const auto& c : w.session.choices())
        if (choiceName(c.id).starts_with("identity.")) identityChoices.emplace_back(choiceName(c.id));
    BOOST_CHECK_EQUAL(identityChoices.size(), 2u);
    BOOST_CHECK(offers(w.session, "identity.face"));
    BOOST_CHECK(offers(w.session, "identity.visual"));
    BOOST_CHECK(!offers(w.session, "identity.pin"));
    BOOST_CHECK(!w.session.warnings().empty());
}

// A window that checks no face itself (no camera check; the certified reader does faces): a card
// read here offers the PIN first and 目視, never a face check that could not happen.
BOOST_AUTO_TEST_CASE(ACardReadWhereNoFaceIsCheckedOffersThePinFirst) {
    ReceptionContext noCamera = context(FacilityMode::Standard);
    noCamera.faceCheckHere = false;
    ReceptionSession session(noCamera, at("2026-11-25T09:00:00"));
    BOOST_REQUIRE(session.apply(ev::MyNumberCardPresented{}, at("2026-11-25T09:01:00")));
    BOOST_REQUIRE(session.apply(ev::CardRead{Date::parseIso("2030-01-01"), 3}, at("2026-11-25T09:01:00")));
    BOOST_CHECK(!session.faceCheckOffered());
    BOOST_CHECK(!offers(session, "identity.face"));
    BOOST_CHECK(offers(session, "identity.visual"));
    const auto choices = session.choices();
    const auto pin = std::find_if(choices.begin(), choices.end(), [](const auto& c) { return c.id == ChoiceId::IdentityPin; });
    BOOST_REQUIRE(pin != choices.end());
    BOOST_CHECK(pin->primary);
    // Where faces are checked here, the same read offers the face check first.
    Window w;
    w.toIdentity();
    BOOST_CHECK(w.session.faceCheckOffered());
    BOOST_CHECK(offers(w.session, "identity.face"));
}

BOOST_AUTO_TEST_CASE(FaceFailureFallsThroughToThePin) {
    Window w;
    w.toIdentity();
    w.go(ev::IdentityMethodChosen{IdentityMethod::Face});
    BOOST_CHECK(w.go(ev::FaceChecked{false}) == S::AwaitingPin);
    BOOST_CHECK(w.go(ev::PinChecked{true, 3}) == S::QueryingEligibility);
}

BOOST_AUTO_TEST_CASE(FaceMatchConfirmsIdentity) {
    Window w;
    w.toIdentity();
    w.go(ev::IdentityMethodChosen{IdentityMethod::Face});
    BOOST_CHECK(w.go(ev::FaceChecked{true}) == S::QueryingEligibility);
    BOOST_CHECK_EQUAL(w.session.record().identityMethod, IdentityMethod::Face);
}

BOOST_AUTO_TEST_CASE(QualificationOnlyModeOffersNoFace) {
    Window w(FacilityMode::QualificationOnly);
    w.toIdentity();
    BOOST_CHECK(!offers(w.session, "identity.face"));
    BOOST_CHECK_EQUAL(w.refused(ev::IdentityMethodChosen{IdentityMethod::Face}).code, "reception.face_not_in_mode");
}

BOOST_AUTO_TEST_CASE(ImpossiblePinCounterFromTheCardIsRefused) {
    Window w;
    w.toIdentity();
    w.go(ev::IdentityMethodChosen{IdentityMethod::Pin});
    w.refused(ev::PinChecked{false, 7});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReceptionCertificate)

// Certificate expiring 2027-01-31, seen on 2026-11-25: alert. Expired 2026-09-30: grace.
// Expired 2026-07-31: beyond grace → fallback.
BOOST_DATA_TEST_CASE(CertificateDatesDriveAlertAndGrace,
                     boost::unit_test::data::make({"2030-01-01", "2027-01-31", "2026-09-30", "2026-07-31"}) ^
                         boost::unit_test::data::make({CertificateStanding::Valid, CertificateStanding::ExpiringSoon,
                                                       CertificateStanding::InGracePeriod,
                                                       CertificateStanding::ExpiredBeyondGrace}) ^
                         boost::unit_test::data::make({S::ChoosingIdentityMethod, S::ChoosingIdentityMethod,
                                                       S::ChoosingIdentityMethod, S::ChoosingFallback}),
                     notAfter, standing, next) {
    Window w;
    w.go(ev::MyNumberCardPresented{});
    BOOST_CHECK(w.go(ev::CardRead{Date::parseIso(notAfter), 3}) == next);
    BOOST_CHECK(*w.session.certificateStanding() == standing);
    BOOST_CHECK_EQUAL(w.session.warnings().empty(), standing == CertificateStanding::Valid);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReceptionFallback)

BOOST_DATA_TEST_CASE(InvalidNoDataAndNewerQualificationTakeTheFallback,
                     boost::unit_test::data::make({"2", "3", "4"}), validity) {
    Window w;
    w.toQuery();
    auto r = result(validity);
    r.results[0].reasonOfLoss = CodedValue{"03", "医療保険等の資格取得", true};
    BOOST_CHECK(w.go(ev::EligibilityAnswered{r, ""}) == S::ChoosingFallback);
    BOOST_CHECK(w.session.tone() == Tone::Fallback);
    BOOST_CHECK(!w.session.warnings().empty());
    BOOST_CHECK(w.session.record().insurance.insurerNumber.empty());  // the old qualification is not registered
}

BOOST_AUTO_TEST_CASE(SystemErrorsAndTimeoutsTakeTheFallbackAndKeepThePendingRequest) {
    Window a;
    a.toQuery();
    BOOST_CHECK(a.go(ev::EligibilityAnswered{result("", {}, "9", "2"), ""}) == S::ChoosingFallback);
    Window b;
    b.toQuery();
    BOOST_CHECK(b.go(ev::EligibilityUnavailable{GatewayFailure::Timeout, "", "OQSsiquc01req_202611250001.xml"}) ==
                S::ChoosingFallback);
    BOOST_CHECK_EQUAL(b.session.record().pendingRequestId, "OQSsiquc01req_202611250001.xml");
}

BOOST_AUTO_TEST_CASE(ARejectedRequestTakesTheFallbackWithTheTerminalsTextAndLeavesNothingPending) {
    Window w;
    w.toQuery();
    BOOST_CHECK(w.go(ev::EligibilityUnavailable{GatewayFailure::SystemError, "The terminal rejected the request: E1001",
                                                "OQSsiquc01req_202611250001.xml"}) == S::ChoosingFallback);
    BOOST_CHECK(w.session.record().pendingRequestId.empty());
    BOOST_CHECK(w.session.tone() == Tone::Fallback);
}

BOOST_AUTO_TEST_CASE(ReaderFailureTakesTheFallback) {
    Window w;
    w.go(ev::MyNumberCardPresented{});
    BOOST_CHECK(w.go(ev::CardReadFailed{"reader unplugged"}) == S::ChoosingFallback);
}

BOOST_AUTO_TEST_CASE(NoticeWithoutTheCardIsRefused) {
    Window w;
    w.toFallback();
    auto problem = w.refused(ev::FallbackChosen{PresentedDocument::Notice, false});
    BOOST_CHECK_EQUAL(problem.code, "reception.needs_card");
    w.refused(ev::FallbackChosen{PresentedDocument::PortalScreen, false});
}

BOOST_AUTO_TEST_CASE(NoticeWithTheCardGivesACurrentClaim) {
    Window w;
    w.toFallback();
    BOOST_CHECK(w.go(ev::FallbackChosen{PresentedDocument::Notice, true}) == S::EnteringDocument);
    DocumentDetails details;
    details.insurance = {"０１１３００１２", {"１２", "３４", ""}};
    details.patient.name = "窓口　太郎";
    details.patient.birthDate = Date::parseIso("1990-01-01");
    BOOST_CHECK(w.go(ev::DocumentEntered{details}) == S::ConfirmingCopay);
    w.go(ev::CopayConfirmed{500, std::nullopt});
    const auto& r = w.session.record();
    BOOST_CHECK_EQUAL(r.source, EligibilitySource::NoticeWithCard);
    BOOST_CHECK_EQUAL(r.claimRoute, ClaimRoute::Current);
    BOOST_CHECK_EQUAL(r.insurance.insurerNumber, "01130012");
    BOOST_CHECK_EQUAL(r.insurance.card.symbol, "12");
    BOOST_CHECK_EQUAL(r.copay->value, 1500);
}

BOOST_AUTO_TEST_CASE(DocumentDetailsAreValidated) {
    Window w;
    w.go(ev::DocumentPresented{PresentedDocument::QualificationCertificate, false});
    DocumentDetails details;
    details.insurance = {"01130013", {"", "1", ""}};
    details.patient.birthDate = Date::parseIso("1990-01-01");
    BOOST_CHECK_EQUAL(w.refused(ev::DocumentEntered{details}).code, "insurer.check_digit");
    details.insurance.insurerNumber = "01130012";
    details.validUntil = Date::parseIso("2026-11-24");
    BOOST_CHECK_EQUAL(w.refused(ev::DocumentEntered{details}).code, "reception.document_expired");
    details.validUntil.reset();
    details.patient.birthDate.reset();
    BOOST_CHECK_EQUAL(w.refused(ev::DocumentEntered{details}).code, "reception.birth_required");
}

BOOST_AUTO_TEST_CASE(QualificationCertificatePrintedShareIsUsedForTheElderly) {
    Window w;
    w.go(ev::DocumentPresented{PresentedDocument::QualificationCertificate, false});
    DocumentDetails details;
    details.patient.name = "後期　春子";
    details.insurance = {"39131008", {"", "12345678", ""}};
    details.patient.birthDate = Date::parseIso("1945-03-03");
    details.printedShare = CopayShare::fromTenths(2);
    w.go(ev::DocumentEntered{details});
    w.go(ev::CopayConfirmed{100, std::nullopt});
    BOOST_CHECK_EQUAL(w.session.record().source, EligibilitySource::QualificationCertificate);
    BOOST_CHECK_EQUAL(w.session.record().share.tenths(), 2);
}

BOOST_AUTO_TEST_CASE(LegacyCardOnlyBeforeItsCutOff) {
    Window before(FacilityMode::Standard, "2025-11-30T09:00:00");
    BOOST_CHECK(offers(before.session, "present.legacy"));
    BOOST_CHECK(before.go(ev::DocumentPresented{PresentedDocument::LegacyInsuranceCard, false}, "2025-11-30T09:01:00") ==
                S::EnteringDocument);
    Window after;
    BOOST_CHECK(!offers(after.session, "present.legacy"));
    BOOST_CHECK_EQUAL(after.refused(ev::DocumentPresented{PresentedDocument::LegacyInsuranceCard, false}).code,
                      "reception.legacy_card_ended");
}

// Seed p.6: the patient's word does not make the claim current; "still valid" is noted.
BOOST_AUTO_TEST_CASE(ReturnVisitWithThePastRecordIsAnOldClaimEvenWhenThePatientSaysStillValid) {
    PastEligibility last;
    last.insurance = {"01130012", {"1", "2", ""}};
    last.patient.name = "再診　一郎";
    last.patient.birthDate = Date::parseIso("1970-02-02");
    for (bool stillValid : {false, true}) {
        Window w;
        w.toFallback();
        BOOST_CHECK(w.go(ev::FallbackChosen{std::nullopt, false}) == S::AskingVisitKind);
        BOOST_CHECK(w.go(ev::VisitKindChosen{VisitKind::ReturnVisit, last}) == S::ConfirmingPastRecord);
        BOOST_CHECK_EQUAL(w.refused(ev::PastRecordConfirmed{false, stillValid}).code, "reception.not_confirmed");
        w.go(ev::PastRecordConfirmed{true, stillValid});
        const std::string note = w.session.record().trail.back().note;
        w.go(ev::CopayConfirmed{100, std::nullopt});
        BOOST_CHECK_EQUAL(w.session.record().source, EligibilitySource::PastRecord);
        BOOST_CHECK_EQUAL(w.session.record().claimRoute, ClaimRoute::Old);
        BOOST_CHECK_EQUAL(note.find("still valid") != std::string::npos, stillValid);
        BOOST_CHECK_EQUAL(w.session.record().share.tenths(), 3);
    }
}

BOOST_AUTO_TEST_CASE(ReturnVisitWithoutAPastRecordIsRefused) {
    Window w;
    w.toFallback();
    w.go(ev::FallbackChosen{std::nullopt, false});
    BOOST_CHECK_EQUAL(w.refused(ev::VisitKindChosen{VisitKind::ReturnVisit, std::nullopt}).code,
                      "reception.no_past_record");
}

DocumentDetails declaration() {
    DocumentDetails declared;
    declared.patient.name = "初診　次郎";
    declared.patient.birthDate = Date::parseIso("1988-08-08");
    declared.patient.address = "東京都千代田区霞が関1-2-2";
    declared.patient.employer = "株式会社窓口";
    declared.patient.phone = "03-1234-5678";
    return declared;
}

BOOST_AUTO_TEST_CASE(FirstVisitSelfDeclarationIsAnUnknownClaimWithSevens) {
    for (bool checkDigitFiller : {false, true}) {
        ReceptionContext c = context();
        c.facility.unknownClaimUsesCheckDigitFiller = checkDigitFiller;
        ReceptionSession s(c, at());
        BOOST_REQUIRE(s.apply(ev::MyNumberCardPresented{}, at()));
        BOOST_REQUIRE(s.apply(ev::CardReadFailed{"broken"}, at()));
        BOOST_REQUIRE(s.apply(ev::FallbackChosen{std::nullopt, false}, at()));
        BOOST_CHECK(s.apply(ev::VisitKindChosen{VisitKind::FirstVisit, std::nullopt}, at()).value() ==
                    S::AwaitingSelfDeclaration);
        BOOST_CHECK(!s.apply(ev::SelfDeclarationCompleted{declaration(), CopayShare::full()}, at()));
        BOOST_REQUIRE(s.apply(ev::SelfDeclarationCompleted{declaration(), *CopayShare::fromTenths(3)}, at()));
        BOOST_REQUIRE(s.apply(ev::CopayConfirmed{2000, std::nullopt}, at()));
        const auto& r = s.record();
        BOOST_CHECK_EQUAL(r.claimRoute, ClaimRoute::Unknown);
        BOOST_CHECK_EQUAL(r.source, EligibilitySource::SelfDeclaration);
        BOOST_CHECK_EQUAL(r.insurance.insurerNumber, checkDigitFiller ? "77777779" : "77777777");
        BOOST_CHECK_EQUAL(r.insurance.card.number, "77777777");
        BOOST_CHECK_EQUAL(r.share.tenths(), 3);
        BOOST_CHECK_EQUAL(r.copay->value, 6000);
        BOOST_CHECK_EQUAL(r.patient.employer, "株式会社窓口");
    }
}

BOOST_AUTO_TEST_CASE(IncompleteDeclarationIsRefused) {
    Window w;
    w.toFallback();
    w.go(ev::FallbackChosen{std::nullopt, false});
    w.go(ev::VisitKindChosen{VisitKind::FirstVisit, std::nullopt});
    auto declared = declaration();
    declared.patient.address.clear();
    BOOST_CHECK_EQUAL(w.refused(ev::SelfDeclarationCompleted{declared, *CopayShare::fromTenths(3)}).code,
                      "reception.declaration_incomplete");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReceptionFullCharge)

BOOST_AUTO_TEST_CASE(FullChargeOnlyWithARecordedReason) {
    Window w;
    w.toFallback();
    BOOST_CHECK_EQUAL(w.refused(ev::FullChargeChosen{""}).code, "reception.full_needs_reason");
    BOOST_CHECK(w.go(ev::FullChargeChosen{"患者が自費を希望"}) == S::ConfirmingCopay);
    w.go(ev::CopayConfirmed{1000, std::nullopt});
    BOOST_CHECK(w.session.record().share.isFullCharge());
    BOOST_CHECK_EQUAL(w.session.record().fullChargeReason, "患者が自費を希望");
    BOOST_CHECK_EQUAL(w.session.record().copay->value, 10000);
}

BOOST_AUTO_TEST_CASE(StaffCannotSetTenTenthsThroughTheCopayStep) {
    Window w;
    w.go(ev::CertifiedReaderResult{result("1"), IdentityMethod::Face, ""});
    BOOST_CHECK_EQUAL(w.refused(ev::CopayConfirmed{100, CopayShare::full()}).code, "reception.full_needs_reason");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReceptionRefusals)

BOOST_AUTO_TEST_CASE(EveryEventOutsideItsStatesIsRefusedAndChangesNothing) {
    // From the first state, only the presentation events, 10割 (nothing shown) and cancel are allowed.
    std::vector<ReceptionEvent> notAtPresentation{
        ev::CardRead{}, ev::CardReadFailed{}, ev::IdentityMethodChosen{IdentityMethod::Pin}, ev::FaceChecked{},
        ev::PinChecked{}, ev::VisualCheckConfirmed{"x"}, ev::EligibilityAnswered{}, ev::EligibilityUnavailable{},
        ev::MatchChosen{}, ev::FallbackChosen{}, ev::DocumentEntered{}, ev::VisitKindChosen{},
        ev::PastRecordConfirmed{true, true}, ev::SelfDeclarationCompleted{{}, *CopayShare::fromTenths(3)},
        ev::CopayConfirmed{}};
    for (const auto& e : notAtPresentation) {
        Window w;
        BOOST_TEST_CONTEXT(receptionEventName(e)) {
            BOOST_CHECK_EQUAL(w.refused(e).code, "reception.not_now");
        }
    }
}

BOOST_AUTO_TEST_CASE(AFinishedSessionRefusesEverything) {
    Window w;
    w.go(ev::ReceptionCancelled{"患者が帰宅"});
    BOOST_CHECK(w.session.finished());
    BOOST_CHECK(w.session.record().cancelled);
    BOOST_CHECK(w.session.choices().empty());
    w.refused(ev::MyNumberCardPresented{});
    w.refused(ev::ReceptionCancelled{"again"});
}

BOOST_AUTO_TEST_CASE(CancelNeedsAReason) {
    Window w;
    BOOST_CHECK_EQUAL(w.refused(ev::ReceptionCancelled{""}).code, "reception.cancel_reason");
}

BOOST_AUTO_TEST_CASE(EveryChoiceHasItsOwnStableName) {
    std::set<std::string_view> names;
    for (int i = 0; i <= static_cast<int>(ChoiceId::Cancel); ++i) {
        const auto id = static_cast<ChoiceId>(i);
        BOOST_CHECK(!choiceName(id).empty());
        BOOST_CHECK(choiceNamed(choiceName(id)) == id);
        names.insert(choiceName(id));
    }
    BOOST_CHECK_EQUAL(names.size(), static_cast<std::size_t>(ChoiceId::Cancel) + 1);
    BOOST_CHECK(choiceName(ChoiceId::IdentityPin) == "identity.pin");
    BOOST_CHECK(!choiceNamed("identity.telepathy"));
}

BOOST_AUTO_TEST_CASE(EveryStateWaitingForStaffOffersChoicesWithShortcutsAndCancel) {
    // The states where the receptionist picks the next step: choosing the identity method,
    // a locked card, and the fallback after an invalid answer.
    std::vector<std::pair<std::string, std::function<void(Window&)>>> states{
        {"choosing identity", [](Window& w) { w.toIdentity(); }},
        {"locked card", [](Window& w) { w.toIdentity(0); }},
        {"fallback", [](Window& w) { w.toFallback(); }},
    };
    for (const auto& [name, reach] : states) {
        BOOST_TEST_CONTEXT(name) {
            Window w;
            reach(w);
            auto offered = w.session.choices();
            BOOST_REQUIRE(!offered.empty());
            BOOST_CHECK(offered.back().id == ChoiceId::Cancel);
            for (const auto& c : offered) BOOST_CHECK_MESSAGE(c.shortcut != 0, choiceName(c.id) << " has no shortcut");
        }
    }
    Window fallback;
    fallback.toFallback();
    BOOST_CHECK_EQUAL(fallback.session.choices().size(), 5u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(VisitIds)

BOOST_AUTO_TEST_CASE(TheWindowNameMakesTheIdsOfASitesWindowsDiffer) {
    const LocalDateTime at{*Date::fromYmd(2026, 11, 25), 9, 30, 5};
    BOOST_CHECK_EQUAL(visitIdAt("", at, 7), "V20261125093005-007");
    BOOST_CHECK_EQUAL(visitIdAt("window-2", at, 7), "V20261125093005-window2-007");
    BOOST_CHECK_EQUAL(visitIdAt("counter 1", at, 1001), "V20261125093005-counter1-001");
    // Names without ASCII letters or digits are told apart by a hash of the whole name.
    const std::string first = visitIdAt("受付１", at, 1), second = visitIdAt("受付２", at, 1);
    BOOST_CHECK_NE(first, second);
    BOOST_CHECK_EQUAL(first.size(), std::string("V20261125093005-w0000-001").size());
    BOOST_CHECK_EQUAL(first, visitIdAt("受付１", at, 1));  // the same window, the same id for the same moment
    BOOST_CHECK_NE(visitIdAt("受付1", at, 1), visitIdAt("受付2", at, 1));
}

BOOST_AUTO_TEST_SUITE_END()
