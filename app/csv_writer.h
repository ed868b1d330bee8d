#pragma once
// The one CSV writer of every export (visits, usage; CLI and manager window): UTF-8, CRLF rows,
// optionally a BOM so that Excel reads Japanese. Every field is quoted, and a field that a
// spreadsheet would read as a formula (beginning with =, +, -, @, a tab or a carriage return)
// is neutralised with a leading apostrophe, so that an export opens as text.
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>

namespace madoguchi::app {

// One field as written: quoted, inner quotes doubled, formula-like text prefixed with '.
std::string csvField(std::string_view text);

class CsvWriter {
public:
    CsvWriter(std::ostream& out, bool withBom);
    void row(std::initializer_list<std::string_view> fields);

private:
    std::ostream& out_;
};

}  // namespace madoguchi::app
