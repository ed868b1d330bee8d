#include "devices/gateway/xml_writer.h"

#include <stdexcept>

namespace madoguchi::gateway {

XmlWriter::XmlWriter() {
    out_ = R"(<?xml version="1.0" encoding="UTF-8"?>)";
}

void XmlWriter::lineStart() {
    out_ += '\n';
    out_.append(2 * depth_, ' ');
}

void XmlWriter::open(std::string_view name) {
    if (startTagOpen_) out_ += '>';
    lineStart();
    out_ += '<';
    out_ += name;
    startTagOpen_ = true;
    afterText_ = false;
    ++depth_;
}

void XmlWriter::close(std::string_view name) {
    --depth_;
    if (startTagOpen_) {
        out_ += "/>";
        startTagOpen_ = false;
        return;
    }
    if (!afterText_) lineStart();
    out_ += "</";
    out_ += name;
    out_ += '>';
    afterText_ = false;
}

void XmlWriter::leaf(std::string_view name, std::string_view value) {
    open(name);
    if (!value.empty()) {
        out_ += '>';
        startTagOpen_ = false;
        text(value);
        afterText_ = true;
    }
    close(name);
}

void XmlWriter::text(std::string_view value) {
    std::size_t plain = 0;  // the start of the run not yet copied
    for (std::size_t at = 0; at < value.size(); ++at) {
        const unsigned char c = static_cast<unsigned char>(value[at]);
        const char* escaped = nullptr;
        switch (c) {
            case '&': escaped = "&amp;"; break;
            case '<': escaped = "&lt;"; break;
            case '>': escaped = "&gt;"; break;
            case '"': escaped = "&quot;"; break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    throw std::invalid_argument("a control character cannot be written in an XML message");
                continue;
        }
        out_.append(value, plain, at - plain);
        out_ += escaped;
        plain = at + 1;
    }
    out_.append(value, plain);
}

std::string XmlWriter::finish() {
    out_ += '\n';
    return std::move(out_);
}

}  // namespace madoguchi::gateway
