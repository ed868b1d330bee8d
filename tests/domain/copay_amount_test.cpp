#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "domain/copay.h"

using madoguchi::CopayShare;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(CopayAmount)

// points x 10 yen x share, rounded half-up to 10 yen.
BOOST_DATA_TEST_CASE(RoundsHalfUpAtExactlyFiveYen,
                     data::make({1234, 1235, 1236, 1235, 1235, 0, 1, 2, 35, 100000}) ^
                         data::make({3, 1, 1, 2, 3, 3, 3, 2, 1, 3}) ^
                         data::make({3700, 1240, 1240, 2470, 3710, 0, 0, 0, 40, 300000}),
                     points, tenths, expected) {
    BOOST_CHECK_EQUAL(madoguchi::copayAmount(points, *CopayShare::fromTenths(tenths)).value, expected);
}

BOOST_AUTO_TEST_CASE(FullChargeIsTenTenthsOfTheTotal) {
    BOOST_CHECK_EQUAL(madoguchi::copayAmount(1234, CopayShare::full()).value, 12340);
    BOOST_CHECK(CopayShare::full().isFullCharge());
}

BOOST_AUTO_TEST_CASE(OnlyInsuredSharesAndFullChargeExist) {
    BOOST_CHECK(!CopayShare::fromTenths(0));
    BOOST_CHECK(!CopayShare::fromTenths(4));
    BOOST_CHECK_EQUAL(CopayShare::fromGatewayRatio("010")->tenths(), 1);
    BOOST_CHECK_EQUAL(CopayShare::fromGatewayRatio("030")->tenths(), 3);
    BOOST_CHECK(!CopayShare::fromGatewayRatio("100"));
    BOOST_CHECK(!CopayShare::fromGatewayRatio(""));
}

BOOST_AUTO_TEST_CASE(LargeTotalsStayExact) {
    BOOST_CHECK_EQUAL(madoguchi::copayAmount(123456789, *CopayShare::fromTenths(3)).value, 370370370);
}

BOOST_AUTO_TEST_SUITE_END()
