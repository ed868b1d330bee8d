#pragma once
// Tab-separated data files of resources/: '#' starts a comment line, blank lines are skipped.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "outcome.h"

namespace madoguchi {

struct TsvLine {
    int number = 0;  // 1-based, for error messages
    std::vector<std::string> fields;
};

std::vector<TsvLine> readTsv(std::string_view text);
Problem tsvProblem(const TsvLine& line, std::string_view what);

}  // namespace madoguchi
