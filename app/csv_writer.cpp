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

void CsvWriter::row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out_ << (i ? "," : "") << csvField(fields[i]);
    out_ << "\r\n";
}

}  // namespace madoguchi::app
