// 薬剤情報 / 特定健診: the answer codecs on hand-written files (INTEROP.md §7), the request codec,
// and the whole exchange through real folders with the simulated terminal.
#include <boost/test/unit_test.hpp>

#include "devices/gateway/checkup_answer.h"
#include "devices/gateway/drug_info_answer.h"
#include "devices/gateway/medical_info_client.h"
#include "devices/gateway/medical_info_xml.h"
#include "devices/gateway/request_encoding.h"
#include "devices/gateway/request_xml.h"
#include "devices/gateway/stable_file.h"
#include "gateway_test_data.h"
#include "terminal_fixture.h"

using madoguchi::test::goldenFile;
using madoguchi::test::required;

namespace {

const MedicationDay& dayOn(const MedicationHistory& history, const std::string& date, DrugSource source) {
    for (const auto& day : history.days)
        if (day.date == date && day.source == source) return day;
    BOOST_FAIL("no day " << date);
    throw std::logic_error("unreachable");
}

void checkThreeSources(const DrugInfoAnswer& answer) {
    BOOST_CHECK(answer.status.succeeded());
    BOOST_CHECK_EQUAL(answer.history.patient.name, "薬歴　太郎");
    BOOST_CHECK_EQUAL(answer.history.patient.kanaName, "ﾔｸﾚｷ ﾀﾛｳ");
    BOOST_CHECK_EQUAL(answer.history.patient.birthdate, "19550312");
    BOOST_CHECK_EQUAL(answer.history.patient.sex, "1");
    BOOST_REQUIRE_EQUAL(answer.history.days.size(), 5U);
    const auto& claims = dayOn(answer.history, "20260804", DrugSource::Claims);
    // The month's elements came after its dates: they still reach the day.
    BOOST_CHECK_EQUAL(claims.institutionCode, "4131111111");
    BOOST_CHECK_EQUAL(claims.institutionName, "みどり調剤薬局");
    BOOST_CHECK_EQUAL(claims.prescriberCode, "4111222222");
    BOOST_CHECK_EQUAL(claims.prescriberName, "川崎内科医院");
    BOOST_CHECK_EQUAL(claims.month, "202608");
    BOOST_CHECK_EQUAL(claims.prescriptionDate, "20260803");
    BOOST_CHECK_EQUAL(claims.inOut, "2");
    BOOST_REQUIRE_EQUAL(claims.drugs.size(), 2U);
    BOOST_CHECK_EQUAL(claims.drugs[0].code, "622222201");
    BOOST_CHECK_EQUAL(claims.drugs[0].name, "カンデサルタン錠8mg「あすか」");
    BOOST_CHECK_EQUAL(claims.drugs[0].ingredient, "カンデサルタン　シレキセチル");
    BOOST_CHECK_EQUAL(claims.drugs[0].usage, "1日1回朝食後");
    BOOST_CHECK_EQUAL(claims.drugs[0].specialInstruction, "血圧手帳持参");
    BOOST_CHECK_EQUAL(claims.drugs[0].days, "30");
    BOOST_CHECK_EQUAL(claims.drugs[1].quantity, "2");
    BOOST_CHECK_EQUAL(claims.drugs[1].unit, "錠");

    const auto& clinic = dayOn(answer.history, "20260820", DrugSource::Claims);
    BOOST_CHECK_EQUAL(clinic.institutionName, "多摩川整形外科");
    BOOST_CHECK_EQUAL(clinic.prescriberCode, "");
    BOOST_REQUIRE_EQUAL(clinic.treatments.size(), 2U);
    BOOST_CHECK_EQUAL(clinic.treatments[0].code, "112007410");
    BOOST_CHECK_EQUAL(clinic.treatments[0].name, "再診料");
    BOOST_CHECK_EQUAL(clinic.treatments[1].name, "末梢血液一般検査");
    BOOST_REQUIRE_EQUAL(clinic.drugs.size(), 1U);  // MeTrInf's Qua1/Times did not leak into the drug
    BOOST_CHECK_EQUAL(clinic.drugs[0].quantity, "3");
    const auto& patch = dayOn(answer.history, "20260827", DrugSource::Claims);
    BOOST_CHECK_EQUAL(patch.institutionCode, "4131777777");  // a second date of the same month
    BOOST_CHECK_EQUAL(patch.drugs.at(0).ingredient, "ケトプロフェン");

    const auto& prescription = dayOn(answer.history, "20260804", DrugSource::Prescription);
    BOOST_CHECK_EQUAL(prescription.prescriberCode, "4111222222");
    BOOST_CHECK_EQUAL(prescription.drugs.at(0).usageClass, "1");
    const auto& dispensing = dayOn(answer.history, "20260825", DrugSource::Dispensing);
    BOOST_CHECK_EQUAL(dispensing.institutionName, "あおば薬局");
    BOOST_CHECK_EQUAL(dispensing.prescriberName, "登戸ペインクリニック");
    BOOST_CHECK_EQUAL(dispensing.drugs.at(0).usage, "疼痛時");
    BOOST_CHECK_EQUAL(dispensing.drugs.at(0).days, "5");
}

void checkThreeYears(const CheckupAnswer& answer) {
    BOOST_CHECK(answer.status.succeeded());
    BOOST_CHECK_EQUAL(answer.history.patient.name, "健診　次郎");
    BOOST_CHECK_EQUAL(answer.history.patient.kanaName, "ｹﾝｼﾝ ｼﾞﾛｳ");
    BOOST_CHECK_EQUAL(answer.history.patient.birthdate, "19680704");
    BOOST_REQUIRE_EQUAL(answer.history.checkups.size(), 3U);
    const auto& latest = answer.history.checkups[0];
    BOOST_CHECK_EQUAL(latest.effectiveTime, "20260520");  // after its items in the file
    BOOST_REQUIRE_EQUAL(latest.items.size(), 2U);
    BOOST_CHECK_EQUAL(latest.items[0].code, "3D046000001906202");
    BOOST_CHECK_EQUAL(latest.items[0].name, "HbA1c（NGSP値）");
    BOOST_CHECK_EQUAL(latest.items[0].value, "6.8");
    BOOST_CHECK_EQUAL(latest.items[0].unit, "%");
    BOOST_CHECK_EQUAL(latest.items[0].oid, "1.2.392.200119.6.1005");
    BOOST_CHECK(latest.items[0].outsideReferenceRange());
    BOOST_CHECK_EQUAL(latest.items[1].valueName, "＋");
    BOOST_CHECK_EQUAL(latest.items[1].dataType, "CD");
    BOOST_CHECK(!latest.items[1].outsideReferenceRange());
    BOOST_CHECK_EQUAL(answer.history.checkups[2].items.at(0).value, "5.4");
    BOOST_CHECK(!answer.history.checkups[2].items.at(0).outsideReferenceRange());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DrugInfoAnswerCodec)

BOOST_AUTO_TEST_CASE(TheThreeSourcesReadMonthDateDrugInUtf8AndShiftJis) {
    checkThreeSources(required(parseDrugInfoAnswer(goldenFile("YZKsiquc01res_three_sources.xml"))));
    checkThreeSources(required(parseDrugInfoAnswer(goldenFile("YZKsiquc01res_shift_jis.xml"))));
}

BOOST_AUTO_TEST_CASE(MergedTheClaimsWinAndTheDuplicateIsFlaggedAcrossInstitutions) {
    auto answer = required(parseDrugInfoAnswer(goldenFile("YZKsiquc01res_three_sources.xml")));
    mergeSources(answer.history);
    for (const auto& day : answer.history.days)
        BOOST_CHECK_EQUAL(day.revised, day.source == DrugSource::Prescription);  // same prescriber and date as a claim
    auto duplicates = possibleDuplicates(answer.history);
    BOOST_REQUIRE_EQUAL(duplicates.size(), 1U);  // ロキソプロフェン: 20 Aug for 10 days, 25 Aug elsewhere
    BOOST_CHECK_EQUAL(duplicates[0].ingredient, "ロキソプロフェンナトリウム水和物");
    BOOST_CHECK_EQUAL(duplicates[0].earlier.day->institutionName, "多摩川整形外科");
    BOOST_CHECK_EQUAL(duplicates[0].later.day->prescriberName, "登戸ペインクリニック");
}

BOOST_AUTO_TEST_CASE(AnErrorAnswerCarriesTheTerminalsText) {
    auto answer = required(parseDrugInfoAnswer(goldenFile("YZKsiquc01res_error.xml")));
    BOOST_CHECK(!answer.status.succeeded());
    BOOST_CHECK_EQUAL(answer.status.resultCode, "2");
    BOOST_CHECK_EQUAL(answer.status.messageContents, "薬剤情報の閲覧に係る同意がないため、情報を提供できません。");
    BOOST_CHECK(answer.history.days.empty());
}

BOOST_AUTO_TEST_CASE(WithoutResultCodeOrHostileTheAnswerIsRefused) {
    for (const char* name : {"YZKsiquc01res_no_result_code.xml", "hostile_entity_expansion.xml", "hostile_deep_nesting.xml",
                             "malformed_truncated.xml", "garbage.bin", "malformed_not_xmlmsg.xml"}) {
        auto drugs = parseDrugInfoAnswer(goldenFile(name));
        BOOST_CHECK_MESSAGE(!drugs && drugs.problem().code == "gateway.malformed", name);
        auto checkups = parseCheckupAnswer(goldenFile(name));
        BOOST_CHECK_MESSAGE(!checkups && checkups.problem().code == "gateway.malformed", name);
    }
}

BOOST_AUTO_TEST_CASE(DrugsOutsideADateOrMonthAreNotInvented) {
    auto answer = required(parseDrugInfoAnswer(
        "<XmlMsg><MessageHeader><ResultCode>1</ResultCode></MessageHeader><MessageBody>"
        "<DrugInfs><DrugInf><DrugC>1</DrugC></DrugInf></DrugInfs>"
        "<MeTrMonthInf><DrugInfs><DrugInf><DrugC>2</DrugC></DrugInf></DrugInfs>"
        "<MeTrMonthInf><MeTrDiHCd>X</MeTrDiHCd><DiDateInfs><DiDateInf><DiDate>20260101</DiDate></DiDateInf></DiDateInfs>"
        "</MeTrMonthInf></MeTrMonthInf></MessageBody></XmlMsg>"));
    BOOST_REQUIRE_EQUAL(answer.history.days.size(), 1U);
    BOOST_CHECK(answer.history.days[0].drugs.empty());
    BOOST_CHECK_EQUAL(answer.history.days[0].institutionCode, "X");
}

BOOST_AUTO_TEST_CASE(WrittenAndReadBackEveryFieldSurvives) {
    auto original = required(parseDrugInfoAnswer(goldenFile("YZKsiquc01res_three_sources.xml")));
    auto again = required(parseDrugInfoAnswer(drugInfoAnswerXml(original)));
    checkThreeSources(again);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(CheckupAnswerCodec)

BOOST_AUTO_TEST_CASE(CheckupsOverThreeYearsInUtf8AndShiftJis) {
    checkThreeYears(required(parseCheckupAnswer(goldenFile("TKKsiquc01res_three_years.xml"))));
    checkThreeYears(required(parseCheckupAnswer(goldenFile("TKKsiquc01res_shift_jis.xml"))));
}

BOOST_AUTO_TEST_CASE(NewestFirstAndWrittenAndReadBack) {
    auto answer = required(parseCheckupAnswer(goldenFile("TKKsiquc01res_three_years.xml")));
    auto again = required(parseCheckupAnswer(checkupAnswerXml(answer)));
    checkThreeYears(again);
    sortNewestFirst(again.history);
    BOOST_CHECK_EQUAL(again.history.checkups[1].effectiveTime, "20250521");
}

BOOST_AUTO_TEST_CASE(AnErrorAnswerCarriesTheTerminalsText) {
    auto answer = required(parseCheckupAnswer(goldenFile("YZKsiquc01res_error.xml")));
    BOOST_CHECK(!answer.status.succeeded());
    BOOST_CHECK(answer.history.checkups.empty());
    BOOST_CHECK(answer.status.messageContents.starts_with("薬剤情報の閲覧"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(MedicalInfoRequestCodec)

BOOST_AUTO_TEST_CASE(TheDrugRequestCarriesTheHeaderNumbersAndTheMonths) {
    MedicalInfoRequest request{"1312345678", "131011", "12", "34", "01", "MDG-1", "202606", "202611", "4", "1", "1", {}};
    std::string xml = medicalInfoRequestXml(request, MedicalInformation::Medication);
    BOOST_CHECK(xml.find("<InsurerNumber>  131011</InsurerNumber>") != std::string::npos);
    BOOST_CHECK(xml.find("<InsuranceCardSymbol>12</InsuranceCardSymbol>") != std::string::npos);
    BOOST_CHECK(xml.find("<InsuredPersonIdentificationNumber>34</InsuredPersonIdentificationNumber>") != std::string::npos);
    BOOST_CHECK(xml.find("<BranchNumber>01</BranchNumber>") != std::string::npos);
    BOOST_CHECK(xml.find("<ArbitraryFileIdentifier>MDG-1</ArbitraryFileIdentifier>") < xml.find("<MessageBody>"));
    BOOST_CHECK(xml.find("<StartDate>202606</StartDate>") < xml.find("<EndDate>202611</EndDate>"));
    BOOST_CHECK(xml.find("<EndDate>") < xml.find("<FileCategory>4</FileCategory>"));
    auto read = required(parseMedicalInfoRequest(xml));
    BOOST_CHECK_EQUAL(read.insurerNumber, "131011");  // trimmed when read
    BOOST_CHECK_EQUAL(read.insuredPersonIdentificationNumber, "34");
    BOOST_CHECK_EQUAL(read.startDate, "202606");
    BOOST_CHECK_EQUAL(read.fileCategory, "4");
    BOOST_CHECK_EQUAL(read.medicalTreatmentFlag, "1");
}

BOOST_AUTO_TEST_CASE(TheCheckupRequestHasNoMonths) {
    MedicalInfoRequest request{"1312345678", "01130012", "", "34", "", "MDG-2", "202606", "202611", "2", "1", "1", {}};
    std::string xml = medicalInfoRequestXml(request, MedicalInformation::Checkups);
    BOOST_CHECK(xml.find("StartDate") == std::string::npos && xml.find("EndDate") == std::string::npos);
    BOOST_CHECK(xml.find("<InsuranceCardSymbol/>") != std::string::npos);
    BOOST_CHECK_EQUAL(required(parseMedicalInfoRequest(xml)).fileCategory, "2");
    BOOST_CHECK(!parseMedicalInfoRequest("<XmlMsg><MessageHeader/><MessageBody/></XmlMsg>"));  // no FileCategory
}

BOOST_AUTO_TEST_CASE(FileCategoriesAsDeployedSoftwareWritesThem) {
    BOOST_CHECK_EQUAL(fileCategoryFor(MedicalInformation::Medication, AnswerFormat::Pdf, false), "1");
    BOOST_CHECK_EQUAL(fileCategoryFor(MedicalInformation::Medication, AnswerFormat::Xml, false), "2");
    BOOST_CHECK_EQUAL(fileCategoryFor(MedicalInformation::Medication, AnswerFormat::Pdf, true), "3");
    BOOST_CHECK_EQUAL(fileCategoryFor(MedicalInformation::Medication, AnswerFormat::Xml, true), "4");
    BOOST_CHECK_EQUAL(fileCategoryFor(MedicalInformation::Checkups, AnswerFormat::Xml, true), "2");
    BOOST_CHECK(answerFormatOf("3") == AnswerFormat::Pdf && answerFormatOf("4") == AnswerFormat::Xml);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(MedicalInfoThroughTheFolders)

namespace {

constexpr const char* kHistories = R"({"medical_institution_code": "1312345678", "people": [
  {"id": "M", "validity": "1", "insurer_number": "01130012", "symbol": "12", "number": "34", "branch": "00",
   "name": "薬歴　花子", "birth_date": "1950-01-01", "sex": "2", "pharmacists_consent": "1", "checkups_consent": "1",
   "medication": [
     {"source": "claims", "MeTrMonth": "202605", "DiDate": "20260510", "MeTrDiHCd": "1311111111",
      "drugs": [{"DrugC": "1", "DrugN": "古い薬", "IngreN": "古い成分", "Times": "7"}]},
     {"source": "claims", "MeTrMonth": "202610", "DiDate": "20261010", "MeTrDiHCd": "1311111111", "MeTrDiHNm": "一の医院",
      "drugs": [{"DrugC": "2", "DrugN": "新しい薬", "IngreN": "成分", "Times": "28"}],
      "treatments": [{"SinInfCd": "112007410", "SinInfN": "再診料"}]}],
   "checkups": [{"EffectiveTime": "20260601", "items": [{"ItemCode": "X", "ItemName": "BMI", "DataValue": "22.0"}]}]},
  {"id": "N", "validity": "1", "insurer_number": "01130012", "number": "35", "name": "同意　なし",
   "birth_date": "1950-01-02", "pharmacists_consent": "0"}]})";

struct Folders {
    Folders(TerminalHabits habits = {})
        : simulator{FolderLayout{root}, DemoDataset::parse(kHistories, codes()).value(), codes(), clock, std::move(habits)} {}
    ~Folders() {
        serving.stop();
        std::filesystem::remove_all(root);
    }
    Outcome<MedicalInfoFile> fetch(MedicalInformation kind, MedicalInfoRequest request,
                                   RequestEncoding encoding = RequestEncoding::Utf8) {
        auto name = placeMedicalInfoRequest(FolderLayout{root}, counter, clock, encoding, kind, std::move(request));
        if (!name) return name.problem();
        return waitForMedicalInfoAnswer(FolderLayout{root}, name.value(), std::chrono::seconds(10));
    }
    std::filesystem::path root = freshRoot();
    madoguchi::test::FixedClock clock{kNow};
    RequestCounter counter{FolderLayout{root}.state()};
    TerminalSimulator simulator;
    ServingThread serving{simulator};
};

MedicalInfoRequest requestFor(const char* number, const char* category) {
    return MedicalInfoRequest{"1312345678", "01130012", "", number, "", "", "202606", "202611", category, "1", "1", {}};
}

}  // namespace

BOOST_AUTO_TEST_CASE(DrugsOfTheAskedMonthsComeBackAsXmlWithTreatmentsOnlyWhenAsked) {
    Folders folders;
    auto file = required(folders.fetch(MedicalInformation::Medication, requestFor("34", "4")));
    BOOST_REQUIRE(file.kind == MedicalInfoFile::Kind::Xml);
    BOOST_CHECK(file.requestName.starts_with("YZKsiquc01req_20261125"));
    BOOST_CHECK_EQUAL(file.answerName, "YZKsiquc01res_" + file.requestName.substr(14));
    auto answer = required(parseDrugInfoAnswer(file.content));
    BOOST_REQUIRE_EQUAL(answer.history.days.size(), 1U);  // May lies before StartDate
    BOOST_CHECK_EQUAL(answer.history.days[0].institutionName, "一の医院");
    BOOST_CHECK_EQUAL(answer.history.days[0].treatments.size(), 1U);
    BOOST_CHECK_EQUAL(answer.history.patient.name, "薬歴　花子");

    auto without = required(parseDrugInfoAnswer(
        required(folders.fetch(MedicalInformation::Medication, requestFor("34", "2"))).content));
    BOOST_CHECK(without.history.days.at(0).treatments.empty());
}

BOOST_AUTO_TEST_CASE(CheckupsInShiftJisFromATerminalThatAnswersSo) {
    TerminalHabits habits;
    habits.answerEncoding = PrologEncoding::ShiftJis;
    Folders folders(habits);
    auto file = required(folders.fetch(MedicalInformation::Checkups, requestFor("34", "2"), RequestEncoding::ShiftJis));
    BOOST_REQUIRE(file.kind == MedicalInfoFile::Kind::Xml);
    BOOST_CHECK(file.requestName.starts_with("TKKsiquc01req_"));
    BOOST_CHECK(prologEncoding(file.content).value() == PrologEncoding::ShiftJis);
    auto answer = required(parseCheckupAnswer(file.content));
    BOOST_REQUIRE_EQUAL(answer.history.checkups.size(), 1U);
    BOOST_CHECK_EQUAL(answer.history.checkups[0].items.at(0).value, "22.0");
}

BOOST_AUTO_TEST_CASE(WithoutConsentTheTerminalAnswersWithItsText) {
    Folders folders;
    auto file = required(folders.fetch(MedicalInformation::Medication, requestFor("35", "2")));
    auto answer = required(parseDrugInfoAnswer(file.content));
    BOOST_CHECK(!answer.status.succeeded());
    BOOST_CHECK(!answer.status.messageContents.empty());
}

BOOST_AUTO_TEST_CASE(APdfAnswerIsKeptAsBytes) {
    Folders folders;
    auto file = required(folders.fetch(MedicalInformation::Medication, requestFor("34", "1")));
    BOOST_REQUIRE(file.kind == MedicalInfoFile::Kind::Pdf);
    BOOST_CHECK(file.answerName.ends_with(".pdf"));
    BOOST_CHECK(file.content.starts_with("%PDF-1.4"));
    BOOST_CHECK(file.content.ends_with("%%EOF\n"));
}

BOOST_AUTO_TEST_CASE(ARejectedRequestGivesTheTerminalsReason) {
    Folders folders;
    folders.serving.stop();  // no terminal: the rejection is written by hand, as the 連携アプリ does
    auto name = required(placeMedicalInfoRequest(FolderLayout{folders.root}, folders.counter, folders.clock,
                                                 RequestEncoding::Utf8, MedicalInformation::Checkups, requestFor("34", "2")));
    std::filesystem::rename(folders.root / "req" / name, folders.root / "res" / name);
    BOOST_REQUIRE(writeFileAtomically(folders.root / "res" / (name.substr(0, name.size() - 4) + ".err"),
                                      toShiftJis("要求ファイルの形式に誤りがあります").value()));
    auto file = required(waitForMedicalInfoAnswer(FolderLayout{folders.root}, name, std::chrono::seconds(2)));
    BOOST_CHECK(file.kind == MedicalInfoFile::Kind::Rejected);
    BOOST_CHECK_EQUAL(file.rejection, "要求ファイルの形式に誤りがあります");
}

BOOST_AUTO_TEST_CASE(NoAnswerIsPendingAndTheRequestIsNotResent) {
    Folders folders;
    folders.serving.stop();
    auto name = required(placeMedicalInfoRequest(FolderLayout{folders.root}, folders.counter, folders.clock,
                                                 RequestEncoding::Utf8, MedicalInformation::Medication, requestFor("34", "2")));
    auto file = required(waitForMedicalInfoAnswer(FolderLayout{folders.root}, name, std::chrono::milliseconds(100)));
    BOOST_CHECK(file.kind == MedicalInfoFile::Kind::Pending);
    BOOST_CHECK_EQUAL(filesIn(folders.root / "req"), 1U);
}

BOOST_AUTO_TEST_CASE(AShiftJisRequestRefusesACharacterCp932CannotHoldAndWritesNothing) {
    Folders folders;
    folders.serving.stop();
    auto request = requestFor("34〜", "2");
    auto placed = placeMedicalInfoRequest(FolderLayout{folders.root}, folders.counter, folders.clock,
                                          RequestEncoding::ShiftJis, MedicalInformation::Medication, request);
    BOOST_REQUIRE(!placed);
    BOOST_CHECK_EQUAL(placed.problem().code, "gateway.not_cp932");
    BOOST_CHECK(placed.problem().message.find("InsuredPersonIdentificationNumber") != std::string::npos);
    BOOST_CHECK_EQUAL(filesIn(folders.root / "req"), 0U);
}

BOOST_AUTO_TEST_SUITE_END()
