// Each message kind against a golden file written by hand from docs/gateway.md and
// ../shared/docs/INTEROP.md (tests/gateway/data): the codec reads every element of it as a named
// field (nothing left over as "not interpreted"), and what the codec writes from that has the
// golden file's elements, in its order, with its texts. A round trip through one element table
// could not catch a misspelt name; a file written by hand does.
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Node.h>
#include <Poco/SAX/InputSource.h>

#include <boost/test/unit_test.hpp>

#include "code_tables.h"
#include <fstream>
#include <sstream>

#include "app/resources.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/request_xml.h"
#include "devices/gateway/result_xml.h"

using namespace madoguchi;
using namespace madoguchi::gateway;

namespace {

std::string golden(const std::string& name) {
    std::ifstream in(std::string(GATEWAY_TEST_DATA) + "/" + name, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "no golden file " << name);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

const CodeTables& codes() { return test::codeTables(); }

template <class T>
T required(Outcome<T> outcome) {
    BOOST_REQUIRE_MESSAGE(outcome, (outcome ? "" : outcome.problem().message));
    return std::move(outcome).value();
}

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

void checkSameElements(const std::string& written, const std::string& goldenXml) {
    const auto got = elementsOf(written), want = elementsOf(goldenXml);
    BOOST_CHECK_EQUAL_COLLECTIONS(got.begin(), got.end(), want.begin(), want.end());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(GoldenMessages)

BOOST_AUTO_TEST_CASE(TheResultIsWrittenAsTheGoldenFile) {
    const auto xml = golden("valid_kyokai.xml");
    const auto result = required(parseResultXml(xml, codes()));
    BOOST_CHECK(result.otherElements.empty());
    for (const auto& record : result.results) BOOST_CHECK(record.otherElements.empty());
    checkSameElements(resultXml(result), xml);
}

BOOST_AUTO_TEST_CASE(TheQueryRequestIsWrittenAsTheGoldenFile) {
    const auto xml = golden("OQSmuquc01req_202611250001.xml");
    const auto request = required(parseQueryRequest(xml));
    BOOST_CHECK(request.otherElements.empty());
    checkSameElements(queryRequestXml(request), xml);
}

BOOST_AUTO_TEST_CASE(TheBulkUploadResultIsWrittenAsTheGoldenFile) {
    const auto xml = golden("OQSmuquc01res_202611250001.xml");
    checkSameElements(bulkUploadResultXml(required(parseBulkUploadResult(xml, codes()))), xml);
}

BOOST_AUTO_TEST_CASE(TheBulkDownloadRequestIsWrittenAsTheGoldenFile) {
    const auto xml = golden("OQSmuquc02req_202611250002.xml");
    const auto request = required(parseBulkDownloadRequest(xml));
    BOOST_CHECK(request.otherElements.empty());
    checkSameElements(bulkDownloadRequestXml(request), xml);
}

BOOST_AUTO_TEST_CASE(TheBulkResultIsWrittenAsTheGoldenFile) {
    const auto xml = golden("OQSmuquc02res_202611250002.xml");
    checkSameElements(bulkResultXml(required(parseBulkResult(xml, codes()))), xml);
}

BOOST_AUTO_TEST_CASE(TheRegistrationRequestIsWrittenAsTheGoldenFile) {
    const auto xml = golden("OQSsiimm01req_202611250003.xml");
    const auto request = required(parseRegistrationRequest(xml));
    BOOST_CHECK(request.otherElements.empty());
    checkSameElements(registrationRequestXml(request), xml);
}

BOOST_AUTO_TEST_CASE(TheRegistrationResultIsWrittenAsTheGoldenFile) {
    const auto xml = golden("OQSsiimm01res_202611250003.xml");
    checkSameElements(registrationResultXml(required(parseRegistrationResult(xml, codes()))), xml);
}

BOOST_AUTO_TEST_SUITE_END()
