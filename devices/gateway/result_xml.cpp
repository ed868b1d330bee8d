#include "devices/gateway/result_xml.h"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/Windows932Encoding.h>
#include <map>
#include <sstream>
#include <vector>

#include "devices/gateway/result_fields.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;
using Poco::XML::XMLChar;
using Poco::XML::XMLString;

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

template <class Owner>
bool assignText(const TextFields<Owner>& fields, Owner& owner, const std::string& name, const std::string& value) {
    auto found = fields.find(name);
    if (found == fields.end()) return false;
    owner.*(found->second) = value;
    return true;
}

template <class Owner>
bool assignCoded(const CodedFields<Owner>& fields, Owner& owner, const std::string& name, const std::string& value,
                 const CodeTables& codes) {
    auto found = fields.find(name);
    if (found == fields.end()) return false;
    auto label = codes.label(found->second.second, value);
    owner.*(found->second.first) = CodedValue{value, label.value_or(""), label.has_value()};
    return true;
}

bool assignConsent(Q& record, const std::string& name, const std::string& value, const CodeTables& codes) {
    for (const auto& [prefix, member] : kConsents) {
        if (!name.starts_with(prefix)) continue;
        std::string_view part = std::string_view(name).substr(prefix.size());
        ConsentState& consent = record.*member;
        if (part == "ConsFlg") {
            auto label = codes.label("OQSCD016", value);
            consent.flag = CodedValue{value, label.value_or(""), label.has_value()};
        } else if (part == "ConsTime") {
            consent.consentTime = value;
        } else if (part == "AvailableTime") {
            consent.availableTime = value;
        } else {
            continue;
        }
        return true;
    }
    return false;
}

bool containsUnrepresentable(const Q& q) {
    static const std::string blackCircle = "\u25CF";
    for (const std::string* name : {&q.name, &q.nameOfOther, &q.insuredName, &q.nameKana, &q.nameOfOtherKana})
        if (name->find(blackCircle) != std::string::npos) return true;
    return false;
}

class ResultHandler : public Poco::XML::DefaultHandler {
public:
    explicit ResultHandler(const CodeTables& codes) : codes_(codes) {}

    EligibilityResult result;
    bool sawHeader = false, sawBody = false;

    void startElement(const XMLString&, const XMLString& localName, const XMLString& qname,
                      const Poco::XML::Attributes&) override {
        const XMLString& name = localName.empty() ? qname : localName;
        if (static_cast<int>(path_.size()) >= kMaxElementDepth)
            throw Poco::XML::SAXException("elements nest deeper than " + std::to_string(kMaxElementDepth));
        if (path_.empty() && name != "XmlMsg") throw Poco::XML::SAXException("the root element is not XmlMsg");
        if (!hasChildren_.empty()) hasChildren_.back() = true;
        path_.push_back(name);
        hasChildren_.push_back(false);
        text_.clear();
        openContainer(name);
    }

    void endElement(const XMLString&, const XMLString& localName, const XMLString& qname) override {
        const XMLString& name = localName.empty() ? qname : localName;
        bool leaf = !hasChildren_.back();
        std::string parent = path_.size() >= 2 ? path_[path_.size() - 2] : "";
        if (leaf && !isContainer(name)) assign(parent, name, trimmed(text_));
        if (name == "ResultOfQualificationConfirmation")
            record().nameHasUnrepresentableCharacters = containsUnrepresentable(record());
        path_.pop_back();
        hasChildren_.pop_back();
        text_.clear();
    }

    void characters(const XMLChar ch[], int start, int length) override {
        text_.append(ch + start, static_cast<std::size_t>(length));
    }

private:
    static bool isContainer(const std::string& name) {
        return name == "MessageHeader" || name == "MessageBody" || name == "ResultList" ||
               name == "ResultOfQualificationConfirmation" || name == "ElderlyRecipientCertificateInfo" ||
               name == "LimitApplicationCertificateRelatedInfo" || name == "SpecificDiseasesCertificateList" ||
               name == "SpecificDiseasesCertificateInfo";
    }

    Q& record() { return result.results.back(); }
    bool inRecord() const { return inRecord_; }

    void openContainer(const std::string& name) {
        if (name == "MessageHeader") sawHeader = true;
        if (name == "MessageBody") sawBody = true;
        if (name == "ResultOfQualificationConfirmation") {
            result.results.emplace_back();
            inRecord_ = true;
        }
        if (!inRecord_) return;
        if (name == "ElderlyRecipientCertificateInfo") record().elderlyRecipient.emplace();
        if (name == "LimitApplicationCertificateRelatedInfo") record().limitApplication.emplace();
        if (name == "SpecificDiseasesCertificateInfo") record().specificDiseases.emplace_back();
    }

    void assign(const std::string& parent, const std::string& name, const std::string& value) {
        bool known = false;
        if (parent == "MessageHeader" || parent == "MessageBody") {
            known = assignText(kHeaderText, result, name, value) || assignText(kBodyText, result, name, value) ||
                    assignCoded(kHeaderCoded, result, name, value, codes_) ||
                    assignCoded(kBodyCoded, result, name, value, codes_);
        } else if (parent == "ResultOfQualificationConfirmation") {
            known = assignText(kRecordText, record(), name, value) ||
                    assignCoded(kRecordCoded, record(), name, value, codes_) || assignConsent(record(), name, value, codes_);
        } else if (parent == "ElderlyRecipientCertificateInfo" && inRecord_) {
            known = assignText(kElderlyText, *record().elderlyRecipient, name, value);
        } else if (parent == "LimitApplicationCertificateRelatedInfo" && inRecord_) {
            known = assignText(kLimitText, *record().limitApplication, name, value) ||
                    assignCoded(kLimitCoded, *record().limitApplication, name, value, codes_);
        } else if (parent == "SpecificDiseasesCertificateInfo" && inRecord_) {
            known = assignText(kDiseaseText, record().specificDiseases.back(), name, value);
        }
        if (known) return;
        std::string where = parent + "/" + name;
        if (inRecord_ && !result.results.empty())
            record().otherElements.emplace_back(where, value);
        else
            result.otherElements.emplace_back(where, value);
    }

    const CodeTables& codes_;
    std::vector<std::string> path_;
    std::vector<bool> hasChildren_;
    std::string text_;
    bool inRecord_ = false;
};

Problem malformed(const std::string& why) {
    return Problem{"gateway.malformed", std::string(N_("The online-qualification file could not be read:")) + " " + why};
}

}  // namespace

Outcome<EligibilityResult> parseResultXml(std::string_view bytes, const CodeTables& codes) {
    if (bytes.size() > kMaxResultBytes) return malformed("larger than " + std::to_string(kMaxResultBytes) + " bytes");
    if (bytes.empty()) return malformed("the file is empty");
    // No legitimate result declares a DTD or entities: refuse them before parsing (entity expansion).
    if (bytes.find("<!DOCTYPE") != std::string_view::npos || bytes.find("<!ENTITY") != std::string_view::npos)
        return malformed("a DOCTYPE or ENTITY declaration is not allowed");
    Poco::Windows932Encoding shiftJis;
    ResultHandler handler(codes);
    Poco::XML::SAXParser parser;
    for (const char* name : {"Shift_JIS", "SHIFT_JIS", "shift_jis", "Shift-JIS", "SJIS", "sjis", "CP932", "cp932",
                             "MS932", "Windows-31J", "windows-31j"})
        parser.addEncoding(name, &shiftJis);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
    parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
    parser.setContentHandler(&handler);
    std::istringstream stream{std::string(bytes)};
    Poco::XML::InputSource source(stream);
    try {
        parser.parse(&source);
    } catch (const Poco::Exception& error) {
        return malformed(error.displayText());
    }
    if (!handler.sawHeader || !handler.sawBody) return malformed("MessageHeader or MessageBody is missing");
    return std::move(handler.result);
}

}  // namespace madoguchi::gateway
