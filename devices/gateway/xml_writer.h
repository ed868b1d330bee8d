#pragma once
// The one way gateway messages are written: UTF-8, pretty printed with 2-space indentation, empty
// values as <X/> (Poco's XMLWriter). request_encoding.h re-encodes for Shift_JIS sites.
#include <Poco/UTF8Encoding.h>
#include <Poco/XML/XMLWriter.h>
#include <sstream>
#include <string>

#include "devices/gateway/result_fields.h"

namespace madoguchi::gateway {

class XmlWriter {
public:
    XmlWriter()
        : xml_(out_, Poco::XML::XMLWriter::WRITE_XML_DECLARATION | Poco::XML::XMLWriter::PRETTY_PRINT, "UTF-8",
               encoding_) {
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
    // Every element of a field table (sorted by name), empty ones written empty.
    template <class Owner>
    void fields(const fields::TextFields<Owner>& table, const Owner& owner) {
        for (const auto& [name, member] : table) leaf(std::string(name), owner.*member);
    }
    std::string finish() {
        xml_.endDocument();
        return out_.str();
    }

private:
    Poco::UTF8Encoding encoding_;
    std::ostringstream out_;
    Poco::XML::XMLWriter xml_;
};

}  // namespace madoguchi::gateway
