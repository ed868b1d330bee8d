#pragma once
// The one way gateway messages are written: UTF-8 with an XML declaration, pretty printed with
// 2-space indentation and "\n" line ends, empty values and elements as <X/>, text escaped (& < > ")
// — the layout Poco's XMLWriter gave them, written straight into one string: a 10,000-person bulk
// answer keeps each person's answer as its own document (the re-tag's evidence), and a character
// at a time through an output stream and an encoding converter was most of that work.
// request_encoding.h re-encodes for Shift_JIS sites.
#include <string>
#include <string_view>

#include "devices/gateway/result_fields.h"

namespace madoguchi::gateway {

class XmlWriter {
public:
    XmlWriter();
    void open(std::string_view name);
    void close(std::string_view name);
    void leaf(std::string_view name, std::string_view value);
    // Every element of a field table (sorted by name), empty ones written empty.
    template <class Owner>
    void fields(const fields::TextFields<Owner>& table, const Owner& owner) {
        for (const auto& [name, member] : table) leaf(name, owner.*member);
    }
    // The document, ending with a line end; the writer is spent.
    std::string finish();

private:
    void lineStart();
    void text(std::string_view value);  // throws std::invalid_argument on a control character

    std::string out_;
    std::size_t depth_ = 0;
    bool startTagOpen_ = false;  // "<Name" written, its ">" or "/>" not yet
    bool afterText_ = false;     // the open element's text was just written
};

}  // namespace madoguchi::gateway
