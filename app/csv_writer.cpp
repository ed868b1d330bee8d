#include "app/csv_writer.h"

namespace madoguchi::app {
namespace {

bool readAsFormula(std::string_view text) {
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

}  // namespace

std::string csvField(std::string_view text) {
    std::string out = "\"";
    if (readAsFormula(text)) out += '\'';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

CsvWriter::CsvWriter(std::ostream& out, bool withBom) : out_(out) {
    if (withBom) out_ << "\xEF\xBB\xBF";
}

void CsvWriter::row(std::initializer_list<std::string_view> fields) {
    const char* separator = "";
    for (std::string_view field : fields) {
        out_ << separator << csvField(field);
        separator = ",";
    }
    out_ << "\r\n";
}

}  // namespace madoguchi::app
