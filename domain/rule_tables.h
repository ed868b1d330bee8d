#pragma once
// Policy data with effective dates, kept in resources/rules as text and parsed here
// (the domain reads no files: the caller hands over the text).
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "date.h"
#include "outcome.h"

namespace madoguchi {

// 医療DX推進体制整備加算: usage-rate thresholds per tier for a range of billing months.
struct BonusTierPeriod {
    Date from, to;  // billing months, inclusive (first and last day)
    // Thresholds in basis points (60% = 6000) for 加算1/4, 2/5, 3/6; pediatric special for 3/6 if any.
    int tier1 = 0, tier2 = 0, tier3 = 0;
    std::optional<int> tier3Pediatric;
};

struct BonusTierReached {
    int tier = 0;                 // 1, 2, 3 or 0 for none
    std::optional<int> nextTier;  // the next better tier, if any
    int gapBasisPoints = 0;       // what the rate lacks to reach the next tier
};

class BonusTierTable {
public:
    static Outcome<BonusTierTable> parse(std::string_view tsv);
    std::optional<BonusTierPeriod> periodFor(const Date& billingMonth) const;
    // pediatricSpecial: the 小児科 special threshold for 加算3/6 where the period has one.
    std::optional<BonusTierReached> tierFor(const Date& billingMonth, int rateBasisPoints,
                                            bool pediatricSpecial = false) const;
    const std::vector<BonusTierPeriod>& periods() const { return periods_; }

private:
    std::vector<BonusTierPeriod> periods_;
};

// Dated single values (e.g. the legacy insurance card cut-off).
class DatedSettings {
public:
    static Outcome<DatedSettings> parse(std::string_view tsv);
    std::optional<Date> date(std::string_view key) const;
    // 健康保険証: usable until its printed expiry and never after the cut-off.
    bool legacyCardUsable(const std::optional<Date>& printedExpiry, const Date& on) const;

private:
    std::vector<std::pair<std::string, Date>> entries_;
};

// OQSCDnnn code tables (DOMAIN.md §9.3).
class CodeTables {
public:
    static Outcome<CodeTables> parse(std::string_view tsv);
    std::optional<std::string> label(std::string_view table, std::string_view code) const;

private:
    std::vector<std::tuple<std::string, std::string, std::string>> rows_;  // sorted by table, code
};

}  // namespace madoguchi
