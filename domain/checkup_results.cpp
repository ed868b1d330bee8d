#include "domain/checkup_results.h"

#include <algorithm>
#include <charconv>

namespace madoguchi {
namespace {

std::optional<double> decimal(const std::string& text) {
    if (text.empty()) return std::nullopt;
    double number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number, std::chars_format::fixed);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return number;
}

}  // namespace

bool CheckupItem::outsideReferenceRange() const {
    auto measured = decimal(value);
    if (!measured) return false;
    auto low = decimal(rangeLow);
    auto high = decimal(rangeHigh);
    return (low && *measured < *low) || (high && *measured > *high);
}

void sortNewestFirst(CheckupHistory& history) {
    std::stable_sort(history.checkups.begin(), history.checkups.end(),
                     [](const Checkup& a, const Checkup& b) { return a.effectiveTime > b.effectiveTime; });
}

}  // namespace madoguchi
