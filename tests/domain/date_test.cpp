#include <boost/test/unit_test.hpp>

#include "domain/date.h"

using madoguchi::Date;
using madoguchi::LocalDateTime;

BOOST_AUTO_TEST_SUITE(Dates)

BOOST_AUTO_TEST_CASE(ParsesIsoAndCompactFormsAndRejectsImpossibleDays) {
    BOOST_CHECK_EQUAL(Date::parseIso("2024-12-02")->compact(), "20241202");
    BOOST_CHECK_EQUAL(Date::parseCompact("20240229")->iso(), "2024-02-29");
    BOOST_CHECK(!Date::parseCompact("20230229"));
    BOOST_CHECK(!Date::parseIso("2024-13-01"));
    BOOST_CHECK(!Date::parseIso("2024/12/02"));
    BOOST_CHECK(!Date::parseCompact("2024120"));
    BOOST_CHECK(!Date::parseCompact("２０２４１２０２"));
}

BOOST_AUTO_TEST_CASE(AddingMonthsClampsToTheLastDayOfAShorterMonth) {
    BOOST_CHECK_EQUAL(Date::parseIso("2024-01-31")->plusMonths(1).iso(), "2024-02-29");
    BOOST_CHECK_EQUAL(Date::parseIso("2025-11-30")->plusMonths(3).iso(), "2026-02-28");
    BOOST_CHECK_EQUAL(Date::parseIso("2025-03-31")->plusMonths(-1).iso(), "2025-02-28");
    BOOST_CHECK_EQUAL(Date::parseIso("2024-12-31")->plusDays(1).iso(), "2025-01-01");
}

BOOST_AUTO_TEST_CASE(TimestampsRoundTripAndRejectOutOfRangeFields) {
    auto t = LocalDateTime::parseCompact("20241202093005");
    BOOST_REQUIRE(t);
    BOOST_CHECK_EQUAL(t->iso(), "2024-12-02T09:30:05");
    BOOST_CHECK_EQUAL(LocalDateTime::parseIso(t->iso())->compact(), "20241202093005");
    BOOST_CHECK(!LocalDateTime::parseCompact("20241202246000"));
}

BOOST_AUTO_TEST_CASE(WarekiNamesTheEraAndItsFirstYear) {
    BOOST_CHECK_EQUAL(madoguchi::formatWareki(*Date::parseIso("2024-12-02")), "令和6年12月2日");
    BOOST_CHECK_EQUAL(madoguchi::formatWareki(*Date::parseIso("2019-05-01")), "令和元年5月1日");
    BOOST_CHECK_EQUAL(madoguchi::formatWareki(*Date::parseIso("2019-04-30")), "平成31年4月30日");
    BOOST_CHECK_EQUAL(madoguchi::formatWareki(*Date::parseIso("1989-01-07")), "昭和64年1月7日");
}

BOOST_AUTO_TEST_SUITE_END()
