// The money branches of the reception (issue 10): the claim route after an invalid answer, staff
// corrections with reasons, 10割 from the first step, the 申立書's 摘要欄 data, validity 6, the
// 資格確認書 after the certificate's grace, and the returning patient who turned 70.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "domain/reception_session.h"
#include "domain_printers.h"

using namespace madoguchi;
namespace ev = madoguchi::event;
using S = ReceptionState;

namespace {

LocalDateTime at(const char* iso) { return *LocalDateTime::parseIso(iso); }
const char* kStart = "2026-11-25T09:00:00";

ReceptionContext context() {
    ReceptionContext c;
    c.facility.medicalInstitutionCode = "1312345678";
    c.datedSettings = DatedSettings::parse("legacy_insurance_card_last_day\t2025-12-01\n").value();
    c.staffId = "uketsuke1";
    c.visitId = "V-1";
    return c;
}

QualificationRecord person(const char* birth, const char* insurer = "01130012") {
    QualificationRecord q;
    q.insurerNumber = insurer;
    q.insuredIdentificationNumber = "5678";
    q.name = "窓口　花子";
    q.birthdate = birth;
    return q;
}

EligibilityResult answer(const char* validity, std::vector<QualificationRecord> people) {
    EligibilityResult r;
    r.segmentOfResult.raw = "1";
    r.processingResultStatus.raw = "1";
    r.qualificationValidity.raw = validity;
    r.results = std::move(people);
    return r;
}

struct Desk {
    ReceptionSession session{context(), at(kStart)};
    S go(const ReceptionEvent& e) {
        auto next = session.apply(e, at(kStart));
        BOOST_REQUIRE_MESSAGE(next, "refused " << receptionEventName(e) << ": " << (next ? "" : next.problem().message));
        return next.value();
    }
    std::string refusedCode(const ReceptionEvent& e) {
        auto next = session.apply(e, at(kStart));
        BOOST_REQUIRE_MESSAGE(!next, "accepted " << receptionEventName(e));
        return next.problem().code;
    }
    void answered(const EligibilityResult& result) {
        go(ev::MyNumberCardPresented{});
        go(ev::CardRead{Date::parseIso("2030-01-01"), 3});
        go(ev::IdentityMethodChosen{IdentityMethod::Pin});
        go(ev::PinChecked{true, 3});
        go(ev::EligibilityAnswered{result, ""});
    }
    void toSelfDeclaration() {
        answered(answer("4", {}));
        go(ev::FallbackChosen{std::nullopt, false});
        go(ev::VisitKindChosen{VisitKind::FirstVisit, std::nullopt});
    }
};

bool warned(const ReceptionSession& s, const std::string& part) {
    for (const auto& w : s.warnings())
        if (w.find(part) != std::string::npos) return true;
    return false;
}

DocumentDetails declaration(const char* birth) {
    DocumentDetails d;
    d.patient.name = "申立　太郎";
    d.patient.nameKana = "モウシタテ　タロウ";
    d.patient.birthDate = Date::parseIso(birth);
    d.patient.address = "東京都千代田区霞が関1-2-2";
    d.patient.employer = "株式会社窓口";
    d.patient.phone = "03-1234-5678";
    return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ReceptionClaimRoute)

// Seed p.6: after 資格無効 / 資格情報なし the patient's "still valid" is a note, not a CURRENT claim.
BOOST_DATA_TEST_CASE(InvalidOrNoDataThenReturnVisitStaysOld, boost::unit_test::data::make({"2", "4"}), validity) {
    PastEligibility last;
    last.insurance = {"01130012", {"1", "2", ""}};
    last.patient.birthDate = Date::parseIso("1980-06-15");
    last.share = CopayShare::fromTenths(3);
    Desk d;
    d.answered(answer(validity, {person("19800615")}));
    d.go(ev::FallbackChosen{std::nullopt, false});
    d.go(ev::VisitKindChosen{VisitKind::ReturnVisit, last});
    d.go(ev::PastRecordConfirmed{true, true});
    d.go(ev::CopayConfirmed{1000, std::nullopt, ""});
    const VisitRecord& r = d.session.record();
    BOOST_CHECK_EQUAL(r.claimRoute, ClaimRoute::Old);
    BOOST_CHECK_EQUAL(r.insurance.insurerNumber, "01130012");
    BOOST_CHECK(r.trail[r.trail.size() - 2].note.find("still valid") != std::string::npos);
    BOOST_CHECK(warned(d.session, "did not confirm"));
}

BOOST_AUTO_TEST_CASE(ValidityOneStillGivesACurrentClaim) {
    Desk d;
    d.answered(answer("1", {person("19800615")}));
    BOOST_CHECK(d.session.state() == S::EligibilityConfirmed);
    d.go(ev::CopayConfirmed{100, std::nullopt, ""});
    BOOST_CHECK_EQUAL(d.session.record().claimRoute, ClaimRoute::Current);
}

// Code 6 is 医療扶助: never registered as health insurance, the fallback is offered with a clear word.
BOOST_AUTO_TEST_CASE(ValiditySixIsPublicAssistanceNotHealthInsurance) {
    Desk d;
    d.answered(answer("6", {person("19800615")}));
    BOOST_CHECK(d.session.state() == S::ChoosingFallback);
    BOOST_CHECK(d.session.record().insurance.insurerNumber.empty());
    BOOST_CHECK(warned(d.session, "医療扶助"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReceptionStaffShare)

// 70-74 without a result ratio defaults to 20%; staff who know 現役並み set 30% with a reason.
BOOST_AUTO_TEST_CASE(ADecidedShareIsCorrectedOnlyWithAReason) {
    Desk d;
    d.go(ev::DocumentPresented{PresentedDocument::QualificationCertificate, false});
    DocumentDetails certificate;
    certificate.patient.name = "高齢　次郎";
    certificate.patient.birthDate = Date::parseIso("1954-03-10");
    certificate.insurance = {"01130012", {"", "12", ""}};
    d.go(ev::DocumentEntered{certificate});
    BOOST_CHECK_EQUAL(d.session.shareDecision()->share->tenths(), 2);
    BOOST_CHECK_EQUAL(d.refusedCode(ev::CopayConfirmed{1000, CopayShare::fromTenths(3), ""}),
                      "reception.correction_needs_reason");
    d.go(ev::CopayConfirmed{1000, CopayShare::fromTenths(3), "高齢受給者証で3割"});
    const VisitRecord& r = d.session.record();
    BOOST_CHECK_EQUAL(r.share.tenths(), 3);
    BOOST_CHECK_EQUAL(r.copay->value, 3000);
    BOOST_REQUIRE(r.shareCorrection);
    BOOST_CHECK_EQUAL(r.shareCorrection->decided->tenths(), 2);
    BOOST_CHECK_EQUAL(r.shareCorrection->reason, "高齢受給者証で3割");
    BOOST_CHECK(r.trail.back().note.find("高齢受給者証で3割") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ConfirmingTheDecidedShareNeedsNoReason) {
    Desk d;
    d.answered(answer("1", {person("19800615")}));
    d.go(ev::CopayConfirmed{1000, CopayShare::fromTenths(3), ""});
    BOOST_CHECK(!d.session.record().shareCorrection);
}

BOOST_AUTO_TEST_CASE(AnUndecidedShareIsSetByStaffFromTheCandidates) {
    Desk d;
    d.answered(answer("1", {person("19460101", "39131008")}));
    BOOST_CHECK(!d.session.shareDecision()->share);
    BOOST_CHECK_EQUAL(d.session.shareDecision()->candidates.size(), 3u);
    BOOST_CHECK_EQUAL(d.refusedCode(ev::CopayConfirmed{1000, std::nullopt, ""}), "reception.share_needed");
    d.go(ev::CopayConfirmed{1000, CopayShare::fromTenths(1), ""});
    BOOST_CHECK_EQUAL(d.session.record().share.tenths(), 1);
    BOOST_CHECK(!d.session.record().shareCorrection);
}

// A patient with nothing at all: 10割 from the first step, with the reason in the trail.
BOOST_AUTO_TEST_CASE(NothingShownPaysTheFullChargeFromTheFirstStep) {
    Desk d;
    bool offered = false;
    for (const auto& c : d.session.choices()) offered |= c.id == ChoiceId::PresentNoProof;
    BOOST_CHECK(offered);
    BOOST_CHECK_EQUAL(d.refusedCode(ev::FullChargeChosen{""}), "reception.full_needs_reason");
    d.go(ev::FullChargeChosen{"保険証類を何も持参せず"});
    d.go(ev::CopayConfirmed{1000, std::nullopt, ""});
    const VisitRecord& r = d.session.record();
    BOOST_CHECK(r.share.isFullCharge());
    BOOST_CHECK_EQUAL(r.copay->value, 10000);
    BOOST_CHECK_EQUAL(r.source, EligibilitySource::NoProof);
    BOOST_CHECK_EQUAL(r.claimRoute, ClaimRoute::Unknown);
    BOOST_CHECK_EQUAL(r.trail.front().note, "保険証類を何も持参せず");
}

// Turned 70 since the last visit: the 3割 recorded at 69 is no 現役並み.
BOOST_AUTO_TEST_CASE(AReturningPatientWhoTurnedSeventyReadsNoRatioFromTheOldRecord) {
    PastEligibility last;
    last.insurance = {"01130012", {"1", "2", ""}};
    last.patient.birthDate = Date::parseIso("1956-06-15");  // 70-74 from 2026-07-01
    last.share = CopayShare::fromTenths(3);
    last.recordedAt = at("2026-06-10T10:00:00");
    Desk d;
    d.answered(answer("2", {person("19560615")}));
    d.go(ev::FallbackChosen{std::nullopt, false});
    d.go(ev::VisitKindChosen{VisitKind::ReturnVisit, last});
    d.go(ev::PastRecordConfirmed{true, false});
    d.go(ev::CopayConfirmed{1000, std::nullopt, ""});
    BOOST_CHECK_EQUAL(d.session.record().share.tenths(), 2);
    BOOST_CHECK(warned(d.session, "age band"));
}

BOOST_AUTO_TEST_CASE(AReturningPatientInTheSameBandKeepsTheRecordedShare) {
    PastEligibility last;
    last.insurance = {"01130012", {"1", "2", ""}};
    last.patient.birthDate = Date::parseIso("1954-03-10");
    last.share = CopayShare::fromTenths(3);
    last.recordedAt = at("2026-09-10T10:00:00");
    Desk d;
    d.answered(answer("2", {person("19540310")}));
    d.go(ev::FallbackChosen{std::nullopt, false});
    d.go(ev::VisitKindChosen{VisitKind::ReturnVisit, last});
    d.go(ev::PastRecordConfirmed{true, false});
    d.go(ev::CopayConfirmed{1000, std::nullopt, ""});
    BOOST_CHECK_EQUAL(d.session.record().share.tenths(), 3);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReceptionSelfDeclaration)

BOOST_AUTO_TEST_CASE(APreschoolChildDeclaredAtThirtyPercentPaysTwenty) {
    Desk d;
    d.toSelfDeclaration();
    d.go(ev::SelfDeclarationCompleted{declaration("2022-05-01"), CopayShare::fromTenths(3)});
    d.go(ev::CopayConfirmed{1000, std::nullopt, ""});
    BOOST_CHECK_EQUAL(d.session.record().share.tenths(), 2);
    BOOST_CHECK(warned(d.session, "age rule applies"));
}

BOOST_AUTO_TEST_CASE(TheDeclarationDecidesOnlyWhatAgeCannot) {
    Desk late;
    late.toSelfDeclaration();
    auto declared = declaration("1958-03-03");  // 68, 後期 by disability certification
    declared.insuranceType = DeclaredInsuranceType::LateElderly;
    late.go(ev::SelfDeclarationCompleted{declared, CopayShare::fromTenths(1)});
    late.go(ev::CopayConfirmed{1000, std::nullopt, ""});
    BOOST_CHECK_EQUAL(late.session.record().share.tenths(), 1);

    Desk unknown;
    unknown.toSelfDeclaration();
    unknown.go(ev::SelfDeclarationCompleted{declaration("1954-03-10"), std::nullopt});
    BOOST_CHECK_EQUAL(unknown.session.shareDecision()->share->tenths(), 2);  // 70-74 default, warned
}

// The 摘要欄 data: kept with the numbers as written while the claim carries the 7s.
BOOST_AUTO_TEST_CASE(TheDeclarationKeepsWhatTheRemarksColumnNeeds) {
    Desk d;
    d.toSelfDeclaration();
    auto declared = declaration("1988-08-08");
    declared.insuranceType = DeclaredInsuranceType::NationalHealthInsuranceUnion;
    declared.insurerName = "東京都医師国民健康保険組合";
    declared.insurance = {"１３３０３３", {"", "４５６", ""}};
    d.go(ev::SelfDeclarationCompleted{declared, std::nullopt});
    d.go(ev::CopayConfirmed{2000, std::nullopt, ""});
    const VisitRecord& r = d.session.record();
    BOOST_CHECK_EQUAL(r.insurance.insurerNumber, "77777777");
    BOOST_REQUIRE(r.claimRemarks);
    BOOST_CHECK_EQUAL(r.claimRemarks->declaredInsurance.insurerNumber, "133033");
    BOOST_CHECK_EQUAL(r.claimRemarks->declaredInsurance.card.number, "456");
    const std::string text = claimRemarksText(*r.claimRemarks);
    for (const char* part : {"不詳", "モウシタテ　タロウ", "国保組合", "東京都医師国民健康保険組合", "株式会社窓口",
                             "東京都千代田区霞が関1-2-2", "03-1234-5678", "133033"})
        BOOST_CHECK_MESSAGE(text.find(part) != std::string::npos, "missing " << part << " in " << text);
    ClaimRemarks contacted = *r.claimRemarks;
    contacted.patientContactedOn = Date::parseIso("2026-12-01");
    BOOST_CHECK(claimRemarksText(contacted).find("令和8年12月1日") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ThePrefillNamesTheInsurerFromTheNumberOrTheAnswer) {
    BOOST_CHECK_EQUAL(insurerHintFor("01130012").insurerName, "全国健康保険協会東京支部");
    BOOST_CHECK(insurerHintFor("01130012").insuranceType == DeclaredInsuranceType::EmployeeInsurance);
    BOOST_CHECK_EQUAL(insurerHintFor("39131008").insurerName, "東京都後期高齢者医療広域連合");
    BOOST_CHECK(insurerHintFor("138065").insurerName.empty());
    BOOST_CHECK(!insurerHintFor("138065").insuranceType);
    BOOST_CHECK(insurerHintFor("not a number").insurerName.empty());

    auto lost = person("19800615", "06130025");
    lost.insurerName = "窓口健康保険組合";
    Desk d;
    d.answered(answer("2", {lost}));
    DocumentDetails prefill = d.session.selfDeclarationPrefill();
    BOOST_CHECK_EQUAL(prefill.insurerName, "窓口健康保険組合");
    BOOST_CHECK_EQUAL(prefill.patient.name, "窓口　花子");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DocumentValidation)

BOOST_AUTO_TEST_CASE(OneCheckNamesEveryFieldThatIsWrong) {
    const Date today = *Date::parseIso("2026-11-25");
    DocumentDetails empty;
    auto problems = validateDocument(empty, DocumentPurpose::Document, today);
    for (const char* field : {"insurer_number", "number", "birth_date", "name"}) BOOST_CHECK(problems.count(field));
    BOOST_CHECK(!problems.count("address"));
    auto declarationProblems = validateDocument(empty, DocumentPurpose::SelfDeclaration, today);
    BOOST_CHECK(!declarationProblems.count("insurer_number"));  // the patient may not know it
    BOOST_CHECK(declarationProblems.count("address"));

    DocumentDetails good;
    good.patient.name = "窓口　花子";
    good.patient.birthDate = Date::parseIso("1980-06-15");
    good.insurance = {"01130012", {"", "5678", ""}};
    BOOST_CHECK(validateDocument(good, DocumentPurpose::Document, today).empty());
    good.validUntil = Date::parseIso("2026-11-24");
    BOOST_CHECK(validateDocument(good, DocumentPurpose::Document, today).count("valid_until"));
    good.validUntil = Date::parseIso("2026-11-25");  // valid through its last day
    BOOST_CHECK(validateDocument(good, DocumentPurpose::Document, today).empty());
    good.patient.birthDate = Date::parseIso("2026-11-26");
    BOOST_CHECK(validateDocument(good, DocumentPurpose::Document, today).count("birth_date"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReceptionCertificateGrace)

// Seed p.7: after the grace the insurer has sent a 資格確認書: it is offered first, with the words.
BOOST_AUTO_TEST_CASE(AfterTheGraceTheQualificationCertificateIsOfferedFirst) {
    Desk after;
    after.go(ev::MyNumberCardPresented{});
    BOOST_CHECK(after.go(ev::CardRead{Date::parseIso("2026-08-24"), 3}) == S::ChoosingFallback);
    auto choices = after.session.choices();
    BOOST_CHECK(choices.front().id == ChoiceId::FallbackCertificate);
    BOOST_CHECK(choices.front().primary);
    BOOST_CHECK(warned(after.session, "Say:"));

    Desk within;  // last day of the grace: the card still works
    within.go(ev::MyNumberCardPresented{});
    BOOST_CHECK(within.go(ev::CardRead{Date::parseIso("2026-08-25"), 3}) == S::ChoosingIdentityMethod);
    Desk failed;  // an ordinary failure keeps the portal screen first
    failed.answered(answer("2", {}));
    BOOST_CHECK(failed.session.choices().front().id == ChoiceId::FallbackPortal);
}

BOOST_AUTO_TEST_SUITE_END()
