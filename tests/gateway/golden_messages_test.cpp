// Each message kind against a golden file written by hand from docs/gateway.md and
// ../shared/docs/INTEROP.md (tests/gateway/data): the codec reads every element of it as a named
// field (nothing left over as "not interpreted"), and what the codec writes from that has the
// golden file's elements with its texts (requests: in its order too). A round trip through one element table
// could not catch a misspelt name; a file written by hand does.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Node.h>
#include <Poco/SAX/InputSource.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "code_tables.h"
#include "gateway_test_data.h"

#include "app/resources.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/request_xml.h"
#include "devices/gateway/result_xml.h"

using namespace madoguchi;
using namespace madoguchi::gateway;

namespace {

const CodeTables& codes() { return test::codeTables(); }

// Every element as "path = text" (leaf elements) or "path" (elements with children), in document
// order; whitespace between elements is layout, a leaf's text is kept exactly.
void collect(const Poco::XML::Node* node, const std::string& parent, std::vector<std::string>& out) {
    for (auto* child = node->firstChild(); child; child = child->nextSibling()) {
        if (child->nodeType() != Poco::XML::Node::ELEMENT_NODE) continue;
        const std::string path = parent + "/" + child->nodeName();
        bool hasElements = false;
        for (auto* inner = child->firstChild(); inner; inner = inner->nextSibling())
            hasElements = hasElements || inner->nodeType() == Poco::XML::Node::ELEMENT_NODE;
        if (hasElements) {
            out.push_back(path);
            collect(child, path, out);
        } else {
            out.push_back(path + " = " + child->innerText());
        }
    }
}

std::vector<std::string> elementsOf(const std::string& xml) {
    Poco::XML::DOMParser parser;
    Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(xml);
    std::vector<std::string> elements;
    collect(document, "", elements);
    return elements;
}

// What Madoguchi sends the terminal (requests): the same elements in the same order.
void checkSameElements(const std::string& written, const std::string& goldenXml) {
    const auto got = elementsOf(written), want = elementsOf(goldenXml);
    BOOST_CHECK_EQUAL_COLLECTIONS(got.begin(), got.end(), want.begin(), want.end());
}

// What only the simulator writes (results): the same named values. The writer lists elements by
// name and writes empty ones, so order and empty elements are not compared (a known difference
// from the terminal's layout, left for the simulator's writer).
void checkSameNamedValues(const std::string& written, const std::string& goldenXml) {
    const auto valuesOf = [](const std::string& xml) {
        std::vector<std::string> values;
        for (const auto& element : elementsOf(xml))
            if (const auto at = element.find(" = "); at != std::string::npos && at + 3 < element.size())
                values.push_back(element);
        std::sort(values.begin(), values.end());
        return values;
    };
    const auto got = valuesOf(written), want = valuesOf(goldenXml);
    BOOST_CHECK_EQUAL_COLLECTIONS(got.begin(), got.end(), want.begin(), want.end());
}

}  // namespace

// The golden file read by the codec, written back by the codec: the same elements (requests) or
// the same named values (results).
template <class Parse, class Write>
void checkWrittenAsTheGoldenFile(const std::string& file, Parse parse, Write write, bool sameOrder = true) {
    const auto xml = test::goldenFile(file);
    const auto message = test::required(parse(xml));
    if constexpr (requires { message.otherElements; })
        BOOST_CHECK_MESSAGE(message.otherElements.empty(), file << ": elements the codec does not name");
    if (sameOrder) checkSameElements(write(message), xml);
    else checkSameNamedValues(write(message), xml);
}

BOOST_AUTO_TEST_SUITE(GoldenMessages)

BOOST_AUTO_TEST_CASE(TheResultIsWrittenAsTheGoldenFile) {
    const auto result = test::required(parseResultXml(test::goldenFile("valid_kyokai.xml"), codes()));
    for (const auto& record : result.results) BOOST_CHECK(record.otherElements.empty());
    checkWrittenAsTheGoldenFile(
        "valid_kyokai.xml", [](const std::string& xml) { return parseResultXml(xml, codes()); }, resultXml, false);
}

BOOST_AUTO_TEST_CASE(TheMedicalAidTicketsAreReadAndWrittenAsTheGoldenFile) {
    const auto result = test::required(parseResultXml(test::goldenFile("medical_aid_tickets.xml"), codes()));
    BOOST_REQUIRE_EQUAL(result.results.size(), 1u);
    const QualificationRecord& record = result.results[0];
    BOOST_CHECK(record.otherElements.empty());
    BOOST_CHECK_EQUAL(record.welfareOfficeName, "千代田区福祉事務所");
    BOOST_CHECK_EQUAL(record.limitApplicationCertificateChanged, "1");
    BOOST_REQUIRE_EQUAL(record.medicalTickets.size(), 2u);
    BOOST_CHECK_EQUAL(record.medicalTickets[0].issueNumber, "0012345");
    BOOST_CHECK_EQUAL(record.medicalTickets[0].designatedInstitutionName, "窓口内科クリニック");
    BOOST_CHECK_EQUAL(record.medicalTickets[0].statusOfInfection, "0");
    BOOST_CHECK_EQUAL(record.medicalTickets[1].ticketType, "2");
    BOOST_CHECK_EQUAL(record.medicalTickets[1].injuryName3, "脂質異常症");
    checkWrittenAsTheGoldenFile(
        "medical_aid_tickets.xml", [](const std::string& xml) { return parseResultXml(xml, codes()); }, resultXml, false);
}

BOOST_AUTO_TEST_CASE(TheRequestsAreWrittenAsTheirGoldenFiles) {
    checkWrittenAsTheGoldenFile("OQSmuquc01req_202611250001.xml", parseQueryRequest, queryRequestXml);
    checkWrittenAsTheGoldenFile("OQSmuquc02req_202611250002.xml", parseBulkDownloadRequest, bulkDownloadRequestXml);
    checkWrittenAsTheGoldenFile("OQSsiimm01req_202611250003.xml", parseRegistrationRequest, registrationRequestXml);
}

BOOST_AUTO_TEST_CASE(TheBulkAndRegistrationResultsAreWrittenAsTheirGoldenFiles) {
    checkWrittenAsTheGoldenFile(
        "OQSmuquc01res_202611250001.xml", [](const std::string& xml) { return parseBulkUploadResult(xml, codes()); },
        bulkUploadResultXml, false);
    checkWrittenAsTheGoldenFile(
        "OQSmuquc02res_202611250002.xml", [](const std::string& xml) { return parseBulkResult(xml, codes()); },
        bulkResultXml, false);
    checkWrittenAsTheGoldenFile(
        "OQSsiimm01res_202611250003.xml", [](const std::string& xml) { return parseRegistrationResult(xml, codes()); },
        registrationResultXml, false);
}

BOOST_AUTO_TEST_SUITE_END()
