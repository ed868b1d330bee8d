#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "domain/certificate_rules.h"
#include "domain_printers.h"

using madoguchi::CertificateStanding;
using madoguchi::Date;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(CertificateRules)

// Certificate valid until 2026-03-15: alert from 2025-12-15, grace until 2026-06-15.
BOOST_DATA_TEST_CASE(AlertWindowAndGraceFollowTheExpiryByThreeMonths,
                     data::make({"2025-12-14", "2025-12-15", "2026-03-15", "2026-03-16", "2026-06-15", "2026-06-16"}) ^
                         data::make({CertificateStanding::Valid, CertificateStanding::ExpiringSoon,
                                     CertificateStanding::ExpiringSoon, CertificateStanding::InGracePeriod,
                                     CertificateStanding::InGracePeriod, CertificateStanding::ExpiredBeyondGrace}),
                     on, standing) {
    BOOST_CHECK(madoguchi::certificateStandingOn(*Date::parseIso("2026-03-15"), *Date::parseIso(on)) == standing);
}

BOOST_AUTO_TEST_CASE(OnlyBeyondGraceStopsEligibilityAndEveryAlertHasAdvice) {
    BOOST_CHECK(madoguchi::certificateUsableForEligibility(CertificateStanding::InGracePeriod));
    BOOST_CHECK(!madoguchi::certificateUsableForEligibility(CertificateStanding::ExpiredBeyondGrace));
    BOOST_CHECK(!madoguchi::certificateAlertApplies(CertificateStanding::Valid));
    BOOST_CHECK(madoguchi::certificateAlertApplies(CertificateStanding::InGracePeriod));
    BOOST_CHECK(madoguchi::certificateAdvice(CertificateStanding::Valid).empty());
    BOOST_CHECK(!madoguchi::certificateAdvice(CertificateStanding::ExpiredBeyondGrace).empty());
}

BOOST_AUTO_TEST_SUITE_END()
