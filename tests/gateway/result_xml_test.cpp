#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "code_tables.h"
#include <fstream>
#include <sstream>

#include "app/resources.h"
#include "devices/gateway/message_reader.h"
#include "devices/gateway/result_xml.h"

using namespace madoguchi;
namespace data = boost::unit_test::data;

namespace {
std::string golden(const std::string& name) {
    std::ifstream in(std::string(GATEWAY_TEST_DATA) + "/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}
const CodeTables& codes() { return test::codeTables(); }
EligibilityResult parsed(const std::string& name) {
    auto result = gateway::parseResultXml(golden(name), codes());
    BOOST_REQUIRE_MESSAGE(result, name << ": " << (result ? "" : result.problem().message));
    return result.value();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ResultXml)

BOOST_AUTO_TEST_CASE(AValidResultIsConfirmedWithEveryFieldKept) {
    auto r = parsed("valid_kyokai.xml");
    BOOST_CHECK(r.isConfirmed());
    BOOST_CHECK_EQUAL(r.processExecutionTime, "20261125090512");
    BOOST_CHECK_EQUAL(r.medicalInstitutionCode, "1312345678");
    BOOST_CHECK_EQUAL(r.referenceClassification.label, "マイナンバーカード");
    BOOST_CHECK_EQUAL(r.processingResultMessage, "電子証明書の有効期限が3か月以内に切れます。");
    BOOST_REQUIRE_EQUAL(r.results.size(), 1u);
    const auto& q = r.results[0];
    BOOST_CHECK_EQUAL(q.insurerNumber, "01130012");
    BOOST_CHECK_EQUAL(q.name, "窓口　花子");
    BOOST_CHECK_EQUAL(q.nameKana, "ﾏﾄﾞｸﾞﾁ ﾊﾅｺ");
    BOOST_CHECK_EQUAL(q.sex1.label, "女");
    BOOST_CHECK_EQUAL(q.birthDate()->iso(), "1980-06-15");
    BOOST_CHECK(q.insuredCardExpirationDate.empty());  // empty stays empty: never "expired"
    BOOST_CHECK_EQUAL(q.pharmacistsInfo.flag.label, "同意あり");
    BOOST_CHECK_EQUAL(q.pharmacistsInfo.consentTime, "20260401101010");
    BOOST_CHECK_EQUAL(q.specificHealthCheckupsInfo.flag.raw, "0");
    BOOST_CHECK(!q.nameHasUnrepresentableCharacters);
    BOOST_CHECK(q.otherElements.empty());
}

BOOST_AUTO_TEST_CASE(ShiftJisIsReadAsThePrologSays) {
    std::string bytes = golden("valid_kouki_shift_jis.xml");
    BOOST_REQUIRE(bytes.find("\xE5\xBE\x8C") == std::string::npos);  // the file really is not UTF-8
    auto r = parsed("valid_kouki_shift_jis.xml");
    BOOST_CHECK_EQUAL(r.results[0].name, "後期　太郎");
    BOOST_CHECK_EQUAL(r.results[0].insurerNumber, "39131008");
    BOOST_CHECK_EQUAL(r.results[0].insuredPartialContributionRatio, "010");
    BOOST_CHECK_EQUAL(r.characterCodeIdentifier, "0");  // says UTF-8, and is ignored
}

BOOST_AUTO_TEST_CASE(PaddedNumbersAreTrimmedAndBlackCirclesFlagged) {
    auto r = parsed("kokuho_padded_black_circle.xml");
    const auto& q = r.results[0];
    BOOST_CHECK_EQUAL(q.insurerNumber, "138065");
    BOOST_CHECK(q.nameHasUnrepresentableCharacters);
    BOOST_CHECK_EQUAL(q.insuredCardSymbol, "千代田");
}

BOOST_AUTO_TEST_CASE(BothSpellingsOfThePharmacyConsentAreAccepted) {
    BOOST_CHECK_EQUAL(parsed("kokuho_padded_black_circle.xml").results[0].pharmacistsInfo.flag.raw, "1");  // Pharmaceutical…
    BOOST_CHECK_EQUAL(parsed("valid_kyokai.xml").results[0].pharmacistsInfo.flag.raw, "1");                // Pharmacists…
}

BOOST_AUTO_TEST_CASE(ElderlyLimitAndSpecificDiseaseBlocksAndUnknownElementsAreKept) {
    const auto q = parsed("elderly_limit_disease.xml").results[0];
    BOOST_REQUIRE(q.elderlyRecipient);
    BOOST_CHECK_EQUAL(q.elderlyRecipient->contributionRatio, "020");
    BOOST_REQUIRE(q.limitApplication);
    BOOST_CHECK_EQUAL(q.limitApplication->classificationFlag.label, "一般");
    BOOST_CHECK_EQUAL(q.limitApplicationConsent.raw, "1");
    BOOST_REQUIRE_EQUAL(q.specificDiseases.size(), 1u);
    BOOST_CHECK_EQUAL(q.specificDiseases[0].selfPay, "10000");
    BOOST_REQUIRE_EQUAL(q.otherElements.size(), 1u);
    BOOST_CHECK_EQUAL(q.otherElements[0].first, "ResultOfQualificationConfirmation/FutureElementNotInSpec");
}

BOOST_DATA_TEST_CASE(EveryValidityValueDecodes,
                     data::make({"valid_kyokai.xml", "invalid_lost.xml", "invalid_newer_exists.xml",
                                 "no_such_qualification.xml", "multiple_matches.xml"}) ^
                         data::make({1, 2, 3, 4, 5}) ^ data::make({1, 1, 1, 0, 2}),
                     file, validity, records) {
    auto r = parsed(file);
    BOOST_CHECK(r.validity() == static_cast<QualificationValidity>(validity));
    BOOST_CHECK_EQUAL(r.results.size(), static_cast<std::size_t>(records));
    BOOST_CHECK_EQUAL(r.isConfirmed(), validity == 1);
    BOOST_CHECK(r.qualificationValidity.known);
}

BOOST_AUTO_TEST_CASE(LostEligibilityCarriesItsReasonAndDate) {
    const auto q = parsed("invalid_lost.xml").results[0];
    BOOST_CHECK_EQUAL(q.reasonOfLoss.label, "医療保険等の資格取得");
    BOOST_CHECK_EQUAL(q.disqualificationDate, "20261031");
}

BOOST_DATA_TEST_CASE(ErrorShapesAreSystemErrors, data::make({"error_segment_9.xml", "error_status_2.xml"}), file) {
    auto r = parsed(file);
    BOOST_CHECK(r.isSystemError());
    BOOST_CHECK(!r.isConfirmed());
}

BOOST_DATA_TEST_CASE(MalformedAndHostileInputIsAClearProblem,
                     data::make({"malformed_truncated.xml", "malformed_not_xmlmsg.xml", "malformed_no_body.xml",
                                 "hostile_entity_expansion.xml", "hostile_deep_nesting.xml", "garbage.bin"}),
                     file) {
    auto r = gateway::parseResultXml(golden(file), codes());
    BOOST_REQUIRE(!r);
    BOOST_CHECK_EQUAL(r.problem().code, "gateway.malformed");
    BOOST_CHECK(r.problem().message.size() > 40);
}

BOOST_AUTO_TEST_CASE(EmptyAndOversizedInputAreRefusedBeforeParsing) {
    BOOST_CHECK(!gateway::parseResultXml("", codes()));
    std::string huge(gateway::kMaxResultBytes + 1, ' ');
    BOOST_CHECK(!gateway::parseResultXml(huge, codes()));
}

// A message is read in pieces; the limits hold across them and the refusal names the limit.
BOOST_AUTO_TEST_CASE(TheLimitsAreTheCallersAndTheRefusalNamesThem) {
    struct Ignore : gateway::MessageVisitor {
        void open(const std::string&, const std::string&) override {}
        void leaf(const std::string&, const std::string&, const std::string&) override {}
        void close(const std::string&) override {}
    } ignore;
    std::string message = "<XmlMsg>";
    for (int i = 0; i < 20000; ++i) message += "<A>0123456789</A>";  // 200,000 characters of text, 360 KB
    message += "</XmlMsg>";
    BOOST_CHECK(gateway::readXmlMessage(message, ignore).ok());
    auto tooLong = gateway::readXmlMessage(message, ignore, {message.size(), 100000});
    BOOST_REQUIRE(!tooLong.ok());
    BOOST_CHECK_NE(tooLong.problem().message.find("more than 100000 characters"), std::string::npos);
    auto tooBig = gateway::readXmlMessage(message, ignore, {1000, 1000});
    BOOST_REQUIRE(!tooBig.ok());
    BOOST_CHECK_NE(tooBig.problem().message.find("(1000 bytes)"), std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
