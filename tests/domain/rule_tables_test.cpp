#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "domain/rule_tables.h"

using madoguchi::BonusTierTable;
using madoguchi::Date;
namespace data = boost::unit_test::data;

namespace {
std::string shippedResource(const std::string& relative) {
    std::ifstream in(std::string(MADOGUCHI_RESOURCES_DIR) + "/" + relative);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
Date d(const char* iso) { return *Date::parseIso(iso); }
const BonusTierTable& shippedTiers() {
    static const BonusTierTable table = BonusTierTable::parse(shippedResource("rules/bonus_tiers.tsv")).value();
    return table;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(RuleTables)

BOOST_AUTO_TEST_CASE(ShippedTablesParse) {
    BOOST_CHECK(BonusTierTable::parse(shippedResource("rules/bonus_tiers.tsv")));
    BOOST_CHECK(madoguchi::DatedSettings::parse(shippedResource("rules/dated_settings.tsv")));
    auto codes = madoguchi::CodeTables::parse(shippedResource("codes/oqs_codes.tsv"));
    BOOST_REQUIRE(codes);
    BOOST_CHECK_EQUAL(*codes.value().label("OQSCD006", "4"), "該当資格なし");
    BOOST_CHECK_EQUAL(*codes.value().label("OQSCD012", "B01"), "現役並みⅢ");
    BOOST_CHECK(!codes.value().label("OQSCD006", "7"));
}

// Each period's first and last billing month, and outside the table.
BOOST_DATA_TEST_CASE(TierPeriodsApplyFromTheirFirstToTheirLastBillingMonth,
                     data::make({"2024-09-30", "2024-10-01", "2024-12-31", "2025-01-01", "2025-09-30", "2025-10-01",
                                 "2026-02-28", "2026-03-01", "2026-05-31", "2026-06-01"}) ^
                         data::make({0, 1500, 1500, 3000, 4500, 6000, 6000, 7000, 7000, 0}),
                     month, tier1) {
    auto period = shippedTiers().periodFor(d(month));
    if (tier1 == 0) {
        BOOST_CHECK(!period);
    } else {
        BOOST_REQUIRE(period);
        BOOST_CHECK_EQUAL(period->tier1, tier1);
    }
}

BOOST_AUTO_TEST_CASE(TierReachedAndGapToTheNext) {
    auto reached = shippedTiers().tierFor(d("2025-11-01"), 4200);  // 60/40/25
    BOOST_REQUIRE(reached);
    BOOST_CHECK_EQUAL(reached->tier, 2);
    BOOST_CHECK_EQUAL(*reached->nextTier, 1);
    BOOST_CHECK_EQUAL(reached->gapBasisPoints, 1800);

    auto none = shippedTiers().tierFor(d("2025-11-01"), 2499);
    BOOST_CHECK_EQUAL(none->tier, 0);
    BOOST_CHECK_EQUAL(*none->nextTier, 3);
    BOOST_CHECK_EQUAL(none->gapBasisPoints, 1);

    auto best = shippedTiers().tierFor(d("2025-11-01"), 6000);
    BOOST_CHECK_EQUAL(best->tier, 1);
    BOOST_CHECK(!best->nextTier);
}

BOOST_AUTO_TEST_CASE(PediatricSpecialLowersTierThreeWhereThePeriodHasOne) {
    BOOST_CHECK_EQUAL(shippedTiers().tierFor(d("2025-05-01"), 1300)->tier, 0);
    BOOST_CHECK_EQUAL(shippedTiers().tierFor(d("2025-05-01"), 1300, true)->tier, 3);
    BOOST_CHECK_EQUAL(shippedTiers().tierFor(d("2025-11-01"), 1300, true)->tier, 0);
}

BOOST_AUTO_TEST_CASE(MalformedTablesNameTheLine) {
    auto bad = BonusTierTable::parse("# header\n2025-01\t2025-03\t30\t20\t10\n2025-04\t2025-02\t45\t30\t15\n");
    BOOST_REQUIRE(!bad);
    BOOST_CHECK_NE(bad.problem().message.find("line 3"), std::string::npos);
    BOOST_CHECK(!BonusTierTable::parse("2025-01\t2025-03\t10\t20\t30\n"));  // tiers out of order
    BOOST_CHECK(!BonusTierTable::parse("2025-01\t2025-06\t30\t20\t10\n2025-04\t2025-09\t45\t30\t15\n"));  // overlap
    BOOST_CHECK(!BonusTierTable::parse("2025-01\t2025-03\tabc\t20\t10\n"));
    BOOST_CHECK(!BonusTierTable::parse(""));
    BOOST_CHECK(!madoguchi::DatedSettings::parse("legacy\t2025-13-01\n"));
    BOOST_CHECK(!madoguchi::CodeTables::parse("OQSCD006\t1\n"));
}

BOOST_AUTO_TEST_CASE(LegacyCardIsUsableUntilItsExpiryAndNeverAfterTheCutOff) {
    auto settings = madoguchi::DatedSettings::parse(shippedResource("rules/dated_settings.tsv")).value();
    BOOST_CHECK(settings.legacyCardUsable(std::nullopt, d("2025-12-01")));
    BOOST_CHECK(!settings.legacyCardUsable(std::nullopt, d("2025-12-02")));
    BOOST_CHECK(settings.legacyCardUsable(d("2026-07-31"), d("2025-12-01")));
    BOOST_CHECK(!settings.legacyCardUsable(d("2026-07-31"), d("2025-12-02")));
    BOOST_CHECK(settings.legacyCardUsable(d("2025-08-31"), d("2025-08-31")));
    BOOST_CHECK(!settings.legacyCardUsable(d("2025-08-31"), d("2025-09-01")));
}

BOOST_AUTO_TEST_SUITE_END()
