#include "devices/gateway/message_reader.h"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/Windows932Encoding.h>
#include <sstream>
#include <vector>

namespace madoguchi::gateway {
namespace {

using Poco::XML::XMLChar;
using Poco::XML::XMLString;

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Turns SAX events into the visitor's open / leaf / close, under the depth limit.
class VisitingHandler : public Poco::XML::DefaultHandler {
public:
    explicit VisitingHandler(MessageVisitor& visitor) : visitor_(visitor) {}

    void startElement(const XMLString&, const XMLString& localName, const XMLString& qname,
                      const Poco::XML::Attributes&) override {
        const XMLString& name = localName.empty() ? qname : localName;
        if (static_cast<int>(path_.size()) >= kMaxElementDepth)
            throw Poco::XML::SAXException("elements nest deeper than " + std::to_string(kMaxElementDepth));
        if (path_.empty() && name != "XmlMsg") throw Poco::XML::SAXException("the root element is not XmlMsg");
        if (!hasChildren_.empty()) hasChildren_.back() = true;
        visitor_.open(path_.empty() ? std::string() : path_.back(), name);
        path_.push_back(name);
        hasChildren_.push_back(false);
        text_.clear();
    }

    void endElement(const XMLString&, const XMLString& localName, const XMLString& qname) override {
        const XMLString& name = localName.empty() ? qname : localName;
        std::string parent = path_.size() >= 2 ? path_[path_.size() - 2] : "";
        if (!hasChildren_.back()) visitor_.leaf(parent, name, trimmed(text_));
        visitor_.close(name);
        path_.pop_back();
        hasChildren_.pop_back();
        text_.clear();
    }

    void characters(const XMLChar ch[], int start, int length) override {
        if (text_.size() + static_cast<std::size_t>(length) > kMaxResultBytes)
            throw Poco::XML::SAXException("an element's text is too long");
        text_.append(ch + start, static_cast<std::size_t>(length));
    }

private:
    MessageVisitor& visitor_;
    std::vector<std::string> path_;
    std::vector<bool> hasChildren_;
    std::string text_;
};

}  // namespace

Problem malformedMessage(const std::string& why) {
    return Problem{"gateway.malformed", std::string(N_("The online-qualification file could not be read:")) + " " + why};
}

Outcome<bool> readXmlMessage(std::string_view bytes, MessageVisitor& visitor) {
    if (bytes.size() > kMaxResultBytes)
        return malformedMessage("larger than " + std::to_string(kMaxResultBytes) + " bytes");
    if (bytes.empty()) return malformedMessage("the file is empty");
    // No legitimate message declares a DTD or entities: refuse them before parsing (entity expansion).
    if (bytes.find("<!DOCTYPE") != std::string_view::npos || bytes.find("<!ENTITY") != std::string_view::npos)
        return malformedMessage("a DOCTYPE or ENTITY declaration is not allowed");
    Poco::Windows932Encoding shiftJis;
    VisitingHandler handler(visitor);
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
        return malformedMessage(error.displayText());
    }
    return true;
}

}  // namespace madoguchi::gateway
