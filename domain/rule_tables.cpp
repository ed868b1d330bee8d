#include "rule_tables.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "tsv_reader.h"

namespace madoguchi {
namespace {

// "YYYY-MM" → the first day of that month.
std::optional<Date> parseMonth(std::string_view text) {
    if (text.size() != 7) return std::nullopt;
    return Date::parseIso(std::string(text) + "-01");
}

// "60", "12.5" or "12.50" percent → basis points; "-" or empty → none.
std::optional<int> parsePercent(std::string_view text) {
    int whole = 0, fraction = 0, fractionDigits = 0;
    bool seenPoint = false;
    if (text.empty()) return std::nullopt;
    for (char c : text) {
        if (c == '.' && !seenPoint) {
            seenPoint = true;
        } else if (c >= '0' && c <= '9' && !seenPoint && whole < 1000) {
            whole = whole * 10 + (c - '0');
        } else if (c >= '0' && c <= '9' && seenPoint && fractionDigits < 2) {
            fraction = fraction * 10 + (c - '0');
            ++fractionDigits;
        } else {
            return std::nullopt;
        }
    }
    if (fractionDigits == 1) fraction *= 10;
    int basisPoints = whole * 100 + fraction;
    if (basisPoints > 10000) return std::nullopt;
    return basisPoints;
}

Outcome<BonusTierPeriod> parsePeriod(const TsvLine& line) {
    if (line.fields.size() != 5 && line.fields.size() != 6)
        return tsvProblem(line, "expected from, to, tier1, tier2, tier3 [, tier3 pediatric]");
    auto from = parseMonth(line.fields[0]), to = parseMonth(line.fields[1]);
    if (!from || !to || *to < *from) return tsvProblem(line, "months must be YYYY-MM, from <= to");
    auto t1 = parsePercent(line.fields[2]), t2 = parsePercent(line.fields[3]), t3 = parsePercent(line.fields[4]);
    if (!t1 || !t2 || !t3 || !(*t1 >= *t2 && *t2 >= *t3)) return tsvProblem(line, "tiers must be percentages, tier1 >= tier2 >= tier3");
    BonusTierPeriod period{*from, to->plusMonths(1).plusDays(-1), *t1, *t2, *t3, std::nullopt};
    if (line.fields.size() == 6 && line.fields[5] != "-") {
        period.tier3Pediatric = parsePercent(line.fields[5]);
        if (!period.tier3Pediatric) return tsvProblem(line, "the pediatric threshold must be a percentage or '-'");
    }
    return period;
}

}  // namespace

Outcome<BonusTierTable> BonusTierTable::parse(std::string_view tsv) {
    BonusTierTable table;
    for (const TsvLine& line : readTsv(tsv)) {
        auto period = parsePeriod(line);
        if (!period) return period.problem();
        if (!table.periods_.empty() && period.value().from <= table.periods_.back().to)
            return tsvProblem(line, "periods must be in order and must not overlap");
        table.periods_.push_back(period.value());
    }
    if (table.periods_.empty()) return Problem{"data.empty", "the tier table has no periods"};
    return table;
}

std::optional<BonusTierPeriod> BonusTierTable::periodFor(const Date& billingMonth) const {
    for (const BonusTierPeriod& period : periods_)
        if (billingMonth >= period.from && billingMonth <= period.to) return period;
    return std::nullopt;
}

std::optional<BonusTierReached> BonusTierTable::tierFor(const Date& billingMonth, int rateBasisPoints,
                                                        bool pediatricSpecial) const {
    auto period = periodFor(billingMonth);
    if (!period) return std::nullopt;
    int tier3 = pediatricSpecial && period->tier3Pediatric ? *period->tier3Pediatric : period->tier3;
    const int thresholds[] = {period->tier1, period->tier2, tier3};  // index 0 is 加算1
    BonusTierReached reached;
    for (int tier = 3; tier >= 1; --tier) {
        if (rateBasisPoints < thresholds[tier - 1]) {
            reached.nextTier = tier;
            reached.gapBasisPoints = thresholds[tier - 1] - rateBasisPoints;
            break;
        }
        reached.tier = tier;
    }
    return reached;
}

Outcome<DatedSettings> DatedSettings::parse(std::string_view tsv) {
    DatedSettings settings;
    for (const TsvLine& line : readTsv(tsv)) {
        if (line.fields.size() != 2) return tsvProblem(line, "expected key, YYYY-MM-DD");
        auto date = Date::parseIso(line.fields[1]);
        if (!date || line.fields[0].empty()) return tsvProblem(line, "expected key, YYYY-MM-DD");
        settings.entries_.emplace_back(line.fields[0], *date);
    }
    return settings;
}

std::optional<Date> DatedSettings::date(std::string_view key) const {
    for (const auto& [name, value] : entries_)
        if (name == key) return value;
    return std::nullopt;
}

bool DatedSettings::legacyCardUsable(const std::optional<Date>& printedExpiry, const Date& on) const {
    auto lastDay = date("legacy_insurance_card_last_day");
    if (lastDay && on > *lastDay) return false;
    return !printedExpiry || on <= *printedExpiry;
}

Outcome<CodeTables> CodeTables::parse(std::string_view tsv) {
    CodeTables tables;
    for (const TsvLine& line : readTsv(tsv)) {
        if (line.fields.size() != 3 || line.fields[0].empty() || line.fields[1].empty())
            return tsvProblem(line, "expected table, code, label");
        tables.rows_.emplace_back(line.fields[0], line.fields[1], line.fields[2]);
    }
    // sorted by (table, code), the first of equal keys kept first: label() looks up by halving
    std::stable_sort(tables.rows_.begin(), tables.rows_.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    return tables;
}

std::optional<std::string> CodeTables::label(std::string_view table, std::string_view code) const {
    const auto key = std::pair(table, code);
    const auto found = std::lower_bound(rows_.begin(), rows_.end(), key, [](const auto& row, const auto& wanted) {
        return std::pair<std::string_view, std::string_view>(std::get<0>(row), std::get<1>(row)) < wanted;
    });
    if (found == rows_.end() || std::get<0>(*found) != table || std::get<1>(*found) != code) return std::nullopt;
    return std::get<2>(*found);
}

}  // namespace madoguchi
