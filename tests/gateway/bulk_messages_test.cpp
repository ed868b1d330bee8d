// The bulk 照会 (upload request and result, download request and result), the 照会番号
// registration request and result, and `oqs parse`'s message detection: golden files, round
// trips write → parse, Shift_JIS, malformed and hostile input.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "code_tables.h"
#include "gateway_test_data.h"
#include <fstream>
#include <sstream>

#include "app/resources.h"
#include "devices/gateway/message_kind.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/request_xml.h"
#include "devices/gateway/result_xml.h"

using namespace madoguchi;
using namespace madoguchi::gateway;
namespace data = boost::unit_test::data;

namespace {
std::string golden(const std::string& name) { return test::goldenFile(name); }
const CodeTables& codes() { return test::codeTables(); }
using test::required;
SearchInfo kokuhoPerson() { return {"138065", "千代田", "00412", "00", "19551103", "0", "P002"}; }
}  // namespace

BOOST_AUTO_TEST_SUITE(BulkMessages)

BOOST_AUTO_TEST_CASE(TheBulkUploadRequestCarriesEveryPersonWithTrimmedInsurers) {
    auto request = required(parseQueryRequest(golden("OQSmuquc01req_202611250001.xml")));
    BOOST_CHECK_EQUAL(request.medicalInstitutionCode, "1312345678");
    BOOST_CHECK_EQUAL(request.arbitraryFileIdentifier, "BULK-20261125-01");
    BOOST_REQUIRE_EQUAL(request.people.size(), 3u);
    BOOST_CHECK_EQUAL(request.people[1].insurerNumber, "138065");
    BOOST_CHECK_EQUAL(request.people[1].insuredCardSymbol, "千代田");
    BOOST_CHECK_EQUAL(request.people[2].insuredCardSymbol, "");
    BOOST_CHECK_EQUAL(request.people[0].limitApplicationConsentFlag, "1");
    BOOST_CHECK(request.otherElements.empty());
}

BOOST_AUTO_TEST_CASE(ABulkRequestWrittenIsReadBackTheSame) {
    QueryRequest request{"20261125", "1312345678", "BULK-1", {}, {}};
    for (int i = 0; i < 50; ++i) {
        SearchInfo person = kokuhoPerson();
        person.arbitraryIdentifier = "P" + std::to_string(i);
        request.people.push_back(person);
    }
    std::string xml = queryRequestXml(request);
    BOOST_CHECK(xml.find("<InsurerNumber>  138065</InsurerNumber>") != std::string::npos);  // right-aligned to 8
    auto read = required(parseQueryRequest(xml));
    BOOST_REQUIRE_EQUAL(read.people.size(), 50u);
    BOOST_CHECK_EQUAL(read.people[49].arbitraryIdentifier, "P49");
    BOOST_CHECK_EQUAL(read.people[0].insurerNumber, "138065");
    BOOST_CHECK_EQUAL(read.people[0].birthdate, "19551103");
    BOOST_CHECK_EQUAL(read.qualificationConfirmationDate, "20261125");
}

BOOST_AUTO_TEST_CASE(TheUploadResultGivesTheReceptionNumberAndTheDownloadRequestCarriesIt) {
    auto upload = required(parseBulkUploadResult(golden("OQSmuquc01res_202611250001.xml"), codes()));
    BOOST_CHECK_EQUAL(upload.receptionNumber, "R2026112500000123");
    BOOST_CHECK_EQUAL(upload.receptionDateTime, "20261125100001");
    BOOST_CHECK_EQUAL(upload.status.segmentOfResult.label, "正常終了");
    BOOST_CHECK(!upload.status.isSystemError());
    BOOST_CHECK(upload.status.otherElements.empty());

    auto download = required(parseBulkDownloadRequest(golden("OQSmuquc02req_202611250002.xml")));
    BOOST_CHECK_EQUAL(download.receptionNumber, upload.receptionNumber);
    auto again = required(parseBulkDownloadRequest(bulkDownloadRequestXml(download)));
    BOOST_CHECK_EQUAL(again.receptionNumber, "R2026112500000123");
    BOOST_CHECK_EQUAL(again.medicalInstitutionCode, "1312345678");

    auto uploadAgain = required(parseBulkUploadResult(bulkUploadResultXml(upload), codes()));
    BOOST_CHECK_EQUAL(uploadAgain.receptionNumber, upload.receptionNumber);
    BOOST_CHECK_EQUAL(uploadAgain.status.processingResultStatus.raw, "1");
}

void checkBulkResult(const BulkResult& bulk) {
    BOOST_CHECK_EQUAL(bulk.receptionNumber, "R2026112500000123");
    BOOST_CHECK_EQUAL(bulk.numberOfProcessingResult, "3");
    BOOST_CHECK_EQUAL(bulk.numberOfError, "0");
    BOOST_REQUIRE_EQUAL(bulk.units.size(), 3u);
    const auto& valid = bulk.units[0];
    BOOST_CHECK(valid.result.isConfirmed());  // the header's SegmentOfResult is copied into each unit
    BOOST_CHECK_EQUAL(valid.searched.arbitraryIdentifier, "P001");
    BOOST_CHECK_EQUAL(valid.referenceNumber, "K000123");
    BOOST_REQUIRE_EQUAL(valid.result.results.size(), 1u);
    BOOST_CHECK_EQUAL(valid.result.results[0].name, "窓口　花子");
    BOOST_REQUIRE(valid.result.results[0].limitApplication);
    BOOST_CHECK_EQUAL(valid.result.results[0].limitApplication->classificationFlag.label, "ウ");
    const auto& none = bulk.units[1];
    BOOST_CHECK(none.result.validity() == QualificationValidity::NoSuchQualification);
    BOOST_CHECK(none.result.results.empty());
    BOOST_CHECK_EQUAL(none.searched.insurerNumber, "138065");
    const auto& lost = bulk.units[2];
    BOOST_CHECK(lost.result.validity() == QualificationValidity::Invalid);
    BOOST_CHECK(!lost.result.isConfirmed());
    BOOST_REQUIRE_EQUAL(lost.result.results.size(), 1u);
    BOOST_CHECK_EQUAL(lost.result.results[0].reasonOfLoss.label, "死亡");
    BOOST_CHECK_EQUAL(lost.result.results[0].name, "後期　太郎");
}

BOOST_AUTO_TEST_CASE(TheBulkResultGivesEachPersonTheirOwnAnswer) {
    auto bulk = required(parseBulkResult(golden("OQSmuquc02res_202611250002.xml"), codes()));
    checkBulkResult(bulk);
    const auto& record = bulk.units[2].result.results[0];  // a bulk record's own element, named
    BOOST_CHECK(record.otherElements.empty());
    BOOST_CHECK_EQUAL(record.limitApplicationCertificateChanged, "0");
}

BOOST_AUTO_TEST_CASE(ABulkResultInShiftJisIsReadAsThePrologSays) {
    std::string bytes = golden("bulk_result_shift_jis.xml");
    BOOST_REQUIRE(bytes.find("\xE7\xAA\x93") == std::string::npos);  // 窓 is not UTF-8 here
    checkBulkResult(required(parseBulkResult(bytes, codes())));
}

BOOST_AUTO_TEST_CASE(ABulkResultWrittenIsReadBackTheSame) {
    auto bulk = required(parseBulkResult(golden("OQSmuquc02res_202611250002.xml"), codes()));
    checkBulkResult(required(parseBulkResult(bulkResultXml(bulk), codes())));
}

BOOST_AUTO_TEST_CASE(TheRegistrationRequestAndResultCarryTheReferenceNumber) {
    auto request = required(parseRegistrationRequest(golden("OQSsiimm01req_202611250003.xml")));
    BOOST_REQUIRE_EQUAL(request.entries.size(), 1u);
    BOOST_CHECK_EQUAL(request.entries[0].referenceNumber, "K000124");
    BOOST_CHECK_EQUAL(request.entries[0].insurerNumber, "138065");
    BOOST_CHECK_EQUAL(request.arbitraryFileIdentifier, "REG-20261125-01");

    std::string written = registrationRequestXml(request);
    BOOST_CHECK(written.find("<InsurerNumber>  138065</InsurerNumber>") != std::string::npos);
    BOOST_CHECK(written.find("<ReferenceNumber>K000124</ReferenceNumber>") <
                written.find("<InsurerNumber>"));  // the interface's order, not the table's
    auto again = required(parseRegistrationRequest(written));
    BOOST_CHECK_EQUAL(again.entries[0].insuredCardSymbol, "千代田");

    auto result = required(parseRegistrationResult(golden("OQSsiimm01res_202611250003.xml"), codes()));
    BOOST_CHECK_EQUAL(result.status.processingResultStatus.label, "正常終了");
    BOOST_REQUIRE_EQUAL(result.entries.size(), 1u);
    BOOST_CHECK_EQUAL(result.entries[0].referenceNumber, "K000124");
    auto resultAgain = required(parseRegistrationResult(registrationResultXml(result), codes()));
    BOOST_CHECK_EQUAL(resultAgain.entries[0].insuredIdentificationNumber, "00412");
    BOOST_CHECK(resultAgain.status.otherElements.empty());

    auto empty = parseRegistrationRequest(golden("registration_request_no_entry.xml"));
    BOOST_REQUIRE(!empty);
    BOOST_CHECK(empty.problem().message.find("ReferenceNumberRegistrationInfo") != std::string::npos);
}

BOOST_DATA_TEST_CASE(MalformedAndHostileInputIsAClearProblemForEveryMessage,
                     data::make({"bulk_result_truncated.xml", "hostile_entity_expansion.xml",
                                 "hostile_deep_nesting.xml", "garbage.bin", "malformed_not_xmlmsg.xml",
                                 "malformed_no_body.xml"}),
                     file) {
    std::string bytes = golden(file);
    auto check = [&](const Problem& problem) {
        BOOST_CHECK_EQUAL(problem.code, "gateway.malformed");
        BOOST_CHECK(problem.message.size() > 40);
    };
    auto bulk = parseBulkResult(bytes, codes());
    auto request = parseQueryRequest(bytes);
    auto registration = parseRegistrationRequest(bytes);
    BOOST_REQUIRE(!bulk && !request && !registration);
    check(bulk.problem());
    check(request.problem());
    check(registration.problem());
}

BOOST_DATA_TEST_CASE(MessagesAreRecognisedByNameAndByContent,
                     data::make({"OQSmuquc01req_202611250001.xml", "OQSmuquc01res_202611250001.xml",
                                 "OQSmuquc02req_202611250002.xml", "OQSmuquc02res_202611250002.xml",
                                 "OQSsiimm01req_202611250003.xml", "OQSsiimm01res_202611250003.xml",
                                 "valid_kyokai.xml", "bulk_result_shift_jis.xml"}) ^
                         data::make({"query_request", "bulk_upload_result", "bulk_download_request", "bulk_result",
                                     "registration_request", "registration_result", "result", "bulk_result"}),
                     file, kindName) {
    std::string bytes = golden(file);
    BOOST_CHECK_EQUAL(messageKindName(detectMessageKind(file, bytes)), kindName);
    BOOST_CHECK_EQUAL(messageKindName(detectMessageKind("renamed.xml", bytes)), kindName);  // by content
    auto json = messageToJson(detectMessageKind(file, bytes), bytes, codes());
    BOOST_REQUIRE_MESSAGE(json, file);
    BOOST_CHECK(json.value()->has("MessageHeader"));
    BOOST_CHECK_EQUAL(json.value()->getObject("Madoguchi")->get("message").toString(), kindName);
}

BOOST_AUTO_TEST_SUITE_END()
