// Schema v3 on a real SQLite file: the 申立書's 摘要欄 data, a share staff corrected and a 10割
// charge, each with its reason in the journal, the audit trail and the manager's reports.
#include <boost/test/unit_test.hpp>

#include "domain/manager_desk.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;
using madoguchi::test::scalar;
using madoguchi::test::TempFolder;

namespace {

const StaffMember kManager{"jimucho", "事務長", StaffRole::Manager};

VisitRecord declaredVisit(const std::string& id) {
    VisitRecord v = test::unknownClaimVisit(id, "P9", at(2026, 11, 25));
    ClaimRemarks remarks;
    remarks.nameKana = "モウシタテ　タロウ";
    remarks.insuranceType = DeclaredInsuranceType::EmployeeInsurance;
    remarks.insurerName = "全国健康保険協会東京支部";
    remarks.employer = "株式会社窓口";
    remarks.address = "東京都千代田区霞が関1-2-2";
    remarks.phone = "03-1234-5678";
    remarks.declaredInsurance = {"01130012", {"12", "34", ""}};
    v.claimRemarks = remarks;
    return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ClaimRemarksJournal)

BOOST_AUTO_TEST_CASE(TheDeclaredDataIsKeptBesideTheSevensAndGivesTheRemarksText) {
    test::JournalPlace folder;
    auto file = folder.journal();
    storage::FacilityJournal journal(test::location(file));
    BOOST_TEST(journal.recordVisit(declaredVisit("V1")).ok());
    BOOST_CHECK_EQUAL(test::text(file, "SELECT insurer_number FROM visits WHERE id='V1'"), "77777777");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT declared_insurer_number FROM claim_remarks WHERE visit_id='V1'"),
                      "01130012");
    auto follow = followUpList(kManager, journal).value();
    BOOST_REQUIRE_EQUAL(follow.size(), 1u);
    const std::string_view text = follow.front().claimRemarks;
    for (const char* part : {"不詳", "モウシタテ　タロウ", "被用者保険", "全国健康保険協会東京支部", "株式会社窓口",
                             "03-1234-5678", "保険者番号01130012"})
        BOOST_CHECK_MESSAGE(text.find(part) != std::string::npos, "missing " << part << " in " << text);
    BOOST_CHECK(text.find("患者への連絡日") == std::string::npos);

    BOOST_TEST(journal.recordPatientContacted("V1", *Date::parseIso("2026-12-01"), "jimucho", at(2026, 12, 1)).ok());
    BOOST_CHECK(journal.visit("V1").at(0).claimRemarks.find("患者への連絡日：令和8年12月1日") != std::string::npos);
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM audit_log WHERE action='visit.patient_contacted'"), 1);
    BOOST_CHECK(madoguchi::test::chainIntact(journal.database()));
}

BOOST_AUTO_TEST_CASE(AVisitWithoutADeclarationHasNoRemarks) {
    test::JournalPlace folder;
    storage::FacilityJournal journal(folder.journal());
    BOOST_TEST(journal.recordVisit(test::sampleVisit("V1", "P1")).ok());
    BOOST_CHECK(journal.visit("V1").at(0).claimRemarks.empty());
    BOOST_CHECK(!journal.recordPatientContacted("V1", *Date::parseIso("2026-12-01"), "jimucho", at(2026, 12, 1)));
    BOOST_CHECK(journal.visit("V-none").empty());
}

BOOST_AUTO_TEST_CASE(CorrectionsAndFullChargesCarryTheirReasonsToTheAuditAndTheDailyLog) {
    test::JournalPlace folder;
    auto file = folder.journal();
    storage::FacilityJournal journal(test::location(file));
    VisitRecord corrected = test::sampleVisit("V1", "P1");
    corrected.share = *CopayShare::fromTenths(3);
    corrected.shareCorrection = ShareCorrection{CopayShare::fromTenths(2), *CopayShare::fromTenths(3), "現役並み"};
    VisitRecord full = test::sampleVisit("V2", "P2");
    full.share = CopayShare::full();
    full.fullChargeReason = "保険証類を何も持参せず";
    BOOST_TEST(journal.recordVisit(corrected).ok());
    BOOST_TEST(journal.recordVisit(full).ok());
    BOOST_CHECK_EQUAL(test::text(file, "SELECT detail FROM audit_log WHERE action='visit.share_corrected'"),
                      "2 -> 3: 現役並み");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT detail FROM audit_log WHERE action='visit.full_charge'"),
                      "保険証類を何も持参せず");
    DailyLog log = summarizeDay(*Date::parseIso("2026-11-25"), journal.visitsBetween(*Date::parseIso("2026-11-25"),
                                                                                   *Date::parseIso("2026-11-25")));
    BOOST_REQUIRE_EQUAL(log.shareCorrections.size(), 1u);
    BOOST_CHECK_EQUAL(log.shareCorrections.front().decidedTenths, 2);
    BOOST_CHECK_EQUAL(log.shareCorrections.front().chosenTenths, 3);
    BOOST_CHECK_EQUAL(log.shareCorrections.front().reason, "現役並み");
    BOOST_REQUIRE_EQUAL(log.fullCharges.size(), 1u);
    BOOST_CHECK_EQUAL(log.fullCharges.front().second, "保険証類を何も持参せず");
}

BOOST_AUTO_TEST_CASE(TheLastEligibilityCarriesTheInsurerName) {
    test::JournalPlace folder;
    storage::FacilityJournal journal(folder.journal());
    VisitRecord v = test::sampleVisit("V1", "P1");
    v.insurerName = "全国健康保険協会東京支部";
    BOOST_TEST(journal.recordVisit(v).ok());
    BOOST_CHECK_EQUAL(journal.lastEligibility("P1")->insurerName, "全国健康保険協会東京支部");
}

BOOST_AUTO_TEST_SUITE_END()
