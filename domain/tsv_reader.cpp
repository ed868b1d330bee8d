#include "tsv_reader.h"

namespace madoguchi {

std::vector<TsvLine> readTsv(std::string_view text) {
    std::vector<TsvLine> lines;
    int number = 0;
    while (!text.empty()) {
        auto end = text.find('\n');
        std::string_view raw = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        if (raw.empty() || raw.front() == '#') continue;
        TsvLine line{number, {}};
        std::size_t start = 0;
        while (true) {
            auto tab = raw.find('\t', start);
            line.fields.emplace_back(raw.substr(start, tab == std::string_view::npos ? raw.npos : tab - start));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

Problem tsvProblem(const TsvLine& line, std::string_view what) {
    return Problem{"data.malformed", "line " + std::to_string(line.number) + ": " + std::string(what)};
}

}  // namespace madoguchi
