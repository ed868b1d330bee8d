#include "devices/gateway/message_xml.h"

#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/SAX/AttributesImpl.h>
#include <Poco/AutoPtr.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/XML/XMLWriter.h>
#include <sstream>

#include "devices/gateway/result_fields.h"
#include "domain/insurer_number.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;
using Poco::XML::XMLWriter;

class Writer {
public:
    Writer() : xml_(out_, XMLWriter::WRITE_XML_DECLARATION | XMLWriter::PRETTY_PRINT, "UTF-8", encoding_) {
        xml_.setIndent("  ");
        xml_.startDocument();
    }
    void open(const std::string& name) { xml_.startElement("", "", name); }
    void close(const std::string& name) { xml_.endElement("", "", name); }
    void leaf(const std::string& name, const std::string& value) {
        if (value.empty()) {
            xml_.emptyElement("", "", name);
            return;
        }
        open(name);
        xml_.characters(value);
        close(name);
    }
    std::string finish() {
        xml_.endDocument();
        return out_.str();
    }

private:
    Poco::UTF8Encoding encoding_;
    std::ostringstream out_;
    XMLWriter xml_;
};

template <class Owner>
void writeText(Writer& w, const TextFields<Owner>& fields, const Owner& owner) {
    for (const auto& [name, member] : fields) w.leaf(std::string(name), owner.*member);
}

template <class Owner>
void writeCoded(Writer& w, const CodedFields<Owner>& fields, const Owner& owner) {
    for (const auto& [name, field] : fields) w.leaf(std::string(name), (owner.*(field.first)).raw);
}

void writeRecord(Writer& w, const QualificationRecord& q) {
    w.open("ResultOfQualificationConfirmation");
    writeText(w, kRecordText, q);
    writeCoded(w, kRecordCoded, q);
    for (const auto& [prefix, member] : kConsents) {
        if (prefix == "PharmaceuticalInfo") continue;
        std::string name(prefix);
        w.leaf(name + "ConsFlg", (q.*member).flag.raw);
        w.leaf(name + "ConsTime", (q.*member).consentTime);
        w.leaf(name + "AvailableTime", (q.*member).availableTime);
    }
    if (q.elderlyRecipient) {
        w.open("ElderlyRecipientCertificateInfo");
        writeText(w, kElderlyText, *q.elderlyRecipient);
        w.close("ElderlyRecipientCertificateInfo");
    }
    if (q.limitApplication) {
        w.open("LimitApplicationCertificateRelatedInfo");
        writeText(w, kLimitText, *q.limitApplication);
        writeCoded(w, kLimitCoded, *q.limitApplication);
        w.close("LimitApplicationCertificateRelatedInfo");
    }
    if (!q.specificDiseases.empty()) {
        w.open("SpecificDiseasesCertificateList");
        for (const auto& disease : q.specificDiseases) {
            w.open("SpecificDiseasesCertificateInfo");
            writeText(w, kDiseaseText, disease);
            w.close("SpecificDiseasesCertificateInfo");
        }
        w.close("SpecificDiseasesCertificateList");
    }
    w.close("ResultOfQualificationConfirmation");
}

std::string childText(Poco::XML::Element* parent, const std::string& name) {
    if (!parent) return {};
    Poco::XML::Element* child = parent->getChildElement(name);
    return child ? child->innerText() : std::string();
}

std::string trimmedSpaces(std::string text) {
    auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

}  // namespace

std::string singleQueryRequestXml(const NumberQuery& query, const std::string& medicalInstitutionCode) {
    auto insurer = InsurerNumber::parse(query.insurance.insurerNumber);
    std::string insurerForm = insurer ? insurer.value().gatewayForm() : query.insurance.insurerNumber;
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    w.leaf("QualificationConfirmationDate", query.confirmationDate.compact());
    w.leaf("MedicalInstitutionCode", medicalInstitutionCode);
    w.leaf("ArbitraryFileIdentifier", query.arbitraryIdentifier);
    w.close("MessageHeader");
    w.open("MessageBody");
    w.open("QualificationConfirmSearchInfo");
    w.leaf("InsurerNumber", insurerForm);
    w.leaf("InsuredCardSymbol", query.insurance.card.symbol);
    w.leaf("InsuredIdentificationNumber", query.insurance.card.number);
    w.leaf("InsuredBranchNumber", query.insurance.card.branch);
    w.leaf("Birthdate", query.birthDate.compact());
    w.leaf("LimitApplicationCertificateRelatedConsFlg", query.limitApplicationConsent ? "1" : "0");
    w.leaf("ArbitraryIdentifier", query.arbitraryIdentifier);
    w.close("QualificationConfirmSearchInfo");
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

Outcome<ReceivedQuery> parseSingleQueryRequest(std::string_view bytes) {
    if (bytes.size() > 64 * 1024 || bytes.find("<!DOCTYPE") != std::string_view::npos)
        return Problem{"gateway.request_malformed", "request too large or declares a DTD"};
    try {
        Poco::XML::DOMParser parser;
        Poco::AutoPtr<Poco::XML::Document> document = parser.parseString(std::string(bytes));
        Poco::XML::Element* root = document->documentElement();
        if (!root || root->localName() != "XmlMsg") return Problem{"gateway.request_malformed", "root is not XmlMsg"};
        Poco::XML::Element* header = root->getChildElement("MessageHeader");
        Poco::XML::Element* body = root->getChildElement("MessageBody");
        Poco::XML::Element* search = body ? body->getChildElement("QualificationConfirmSearchInfo") : nullptr;
        if (!header || !search) return Problem{"gateway.request_malformed", "MessageHeader or search info missing"};
        return ReceivedQuery{trimmedSpaces(childText(search, "InsurerNumber")), childText(search, "InsuredCardSymbol"),
                             childText(search, "InsuredIdentificationNumber"), childText(search, "InsuredBranchNumber"),
                             childText(search, "Birthdate"), childText(header, "QualificationConfirmationDate"),
                             childText(header, "MedicalInstitutionCode"), childText(search, "ArbitraryIdentifier")};
    } catch (const Poco::Exception& error) {
        return Problem{"gateway.request_malformed", error.displayText()};
    }
}

std::string resultXml(const EligibilityResult& result) {
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    writeText(w, kHeaderText, result);
    writeCoded(w, kHeaderCoded, result);
    w.close("MessageHeader");
    w.open("MessageBody");
    writeText(w, kBodyText, result);
    writeCoded(w, kBodyCoded, result);
    w.open("ResultList");
    for (const auto& record : result.results) writeRecord(w, record);
    w.close("ResultList");
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

}  // namespace madoguchi::gateway
