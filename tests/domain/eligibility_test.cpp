#include <boost/test/unit_test.hpp>

#include "domain/eligibility.h"
#include "domain/facility.h"
#include "domain/visit_record.h"

using madoguchi::EligibilityResult;
using madoguchi::QualificationValidity;

namespace {
EligibilityResult result(const char* segment, const char* status, const char* validity, std::size_t records) {
    EligibilityResult r;
    r.segmentOfResult.raw = segment;
    r.processingResultStatus.raw = status;
    r.qualificationValidity.raw = validity;
    r.results.resize(records);
    return r;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(Eligibility)

BOOST_AUTO_TEST_CASE(ConfirmedOnlyWithNormalEndValidAndExactlyOneResult) {
    BOOST_CHECK(result("1", "1", "1", 1).isConfirmed());
    BOOST_CHECK(!result("1", "1", "1", 0).isConfirmed());
    BOOST_CHECK(!result("1", "1", "1", 2).isConfirmed());
    BOOST_CHECK(!result("2", "1", "1", 1).isConfirmed());
    BOOST_CHECK(!result("1", "2", "1", 1).isConfirmed());
    BOOST_CHECK(!result("1", "1", "2", 1).isConfirmed());
}

BOOST_AUTO_TEST_CASE(SystemErrorIsSegmentNineOrStatusTwo) {
    BOOST_CHECK(result("9", "1", "", 0).isSystemError());
    BOOST_CHECK(result("1", "2", "", 0).isSystemError());
    BOOST_CHECK(!result("1", "1", "4", 0).isSystemError());
}

BOOST_AUTO_TEST_CASE(ValidityDecodesOneToSixAndNothingElse) {
    BOOST_CHECK(result("1", "1", "5", 2).validity() == QualificationValidity::MultipleMatches);
    BOOST_CHECK(!result("1", "1", "7", 0).validity());
    BOOST_CHECK(!result("1", "1", "", 0).validity());
    BOOST_CHECK(!result("1", "1", "11", 0).validity());
}

BOOST_AUTO_TEST_CASE(VisitEnumsRoundTripThroughTheirNames) {
    using namespace madoguchi;
    for (auto source : {EligibilitySource::OnlineCard, EligibilitySource::NoticeWithCard, EligibilitySource::SelfDeclaration})
        BOOST_CHECK(eligibilitySourceFromName(eligibilitySourceName(source)) == source);
    for (auto route : {ClaimRoute::Current, ClaimRoute::Old, ClaimRoute::Unknown})
        BOOST_CHECK(claimRouteFromName(claimRouteName(route)) == route);
    BOOST_CHECK(identityMethodFromName("visual") == IdentityMethod::Visual);
    BOOST_CHECK(!claimRouteFromName("bogus"));
}

BOOST_AUTO_TEST_CASE(QualificationOnlyModeHasNoMedicalInformationNorFace) {
    using namespace madoguchi;
    BOOST_CHECK(!modeAllowsMedicalInformation(FacilityMode::QualificationOnly));
    BOOST_CHECK(!modeAllowsScreenshots(FacilityMode::QualificationOnly));
    BOOST_CHECK(!modeAllowsFaceAuthentication(FacilityMode::HomeConsent));
    BOOST_CHECK(modeAllowsFaceAuthentication(FacilityMode::Standard));
    FacilitySettings settings;
    BOOST_CHECK_EQUAL(settings.unknownClaimInsurerFiller(), "77777777");
    settings.unknownClaimUsesCheckDigitFiller = true;
    BOOST_CHECK_EQUAL(settings.unknownClaimInsurerFiller(), "77777779");
}

BOOST_AUTO_TEST_SUITE_END()
