#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "domain/copay_rules.h"
#include "domain_printers.h"

using madoguchi::AgeBand;
using madoguchi::Date;
using madoguchi::ShareEvidence;
namespace data = boost::unit_test::data;

namespace {
Date d(const char* iso) { return *Date::parseIso(iso); }
int tenthsOn(const char* birth, const char* on, ShareEvidence evidence = {}) {
    auto decision = madoguchi::decideShare(d(birth), d(on), evidence);
    return decision.share ? decision.share->tenths() : 0;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(CopayRules)

BOOST_AUTO_TEST_CASE(AgeIsAttainedOnTheDayBeforeTheBirthday) {
    BOOST_CHECK_EQUAL(madoguchi::dateOfAttainingAge(d("2000-04-02"), 6).iso(), "2006-04-01");
    BOOST_CHECK_EQUAL(madoguchi::dateOfAttainingAge(d("1955-03-01"), 70).iso(), "2025-02-28");
    BOOST_CHECK_EQUAL(madoguchi::dateOfAttainingAge(d("2004-02-29"), 1).iso(), "2005-02-28");
    BOOST_CHECK_EQUAL(madoguchi::completedYearsOn(d("1980-06-15"), d("2025-06-13")), 44);
    BOOST_CHECK_EQUAL(madoguchi::completedYearsOn(d("1980-06-15"), d("2025-06-14")), 45);
}

// Born 2 April: attains 6 on 1 April, so 未就学 lasts until the following 31 March.
// Born 1 April: attains 6 on 31 March, so 未就学 ends that very day.
BOOST_DATA_TEST_CASE(PreschoolEndsOnFirstMarch31AfterAttainingSix,
                     data::make({"2019-04-02", "2019-04-02", "2019-04-01", "2019-04-01", "2019-10-10", "2019-10-10"}) ^
                         data::make({"2026-03-31", "2026-04-01", "2025-03-31", "2025-04-01", "2026-03-31", "2026-04-01"}) ^
                         data::make({2, 3, 2, 3, 2, 3}),
                     birth, on, tenths) {
    BOOST_CHECK_EQUAL(tenthsOn(birth, on), tenths);
}

// 70-74 from the 1st of the month after the month the person attains 70; born on the 1st,
// one attains 70 on the last day of the previous month, so it starts on the birthday month's 1st.
BOOST_DATA_TEST_CASE(ElderlyRecipientStartsOnTheFirstOfTheMonthAfterAttainingSeventy,
                     data::make({"1955-06-15", "1955-06-15", "1955-06-01", "1955-06-01", "1955-06-02", "1955-06-02"}) ^
                         data::make({"2025-06-30", "2025-07-01", "2025-05-31", "2025-06-01", "2025-06-30", "2025-07-01"}) ^
                         data::make({AgeBand::SchoolToSixtyNine, AgeBand::ElderlyRecipient, AgeBand::SchoolToSixtyNine,
                                     AgeBand::ElderlyRecipient, AgeBand::SchoolToSixtyNine, AgeBand::ElderlyRecipient}),
                     birth, on, band) {
    BOOST_CHECK(madoguchi::ageBandOn(d(birth), d(on)) == band);
}

BOOST_AUTO_TEST_CASE(LateElderlyStartsOnTheSeventyFifthBirthdayItself) {
    BOOST_CHECK(madoguchi::ageBandOn(d("1950-09-10"), d("2025-09-09")) == AgeBand::ElderlyRecipient);
    BOOST_CHECK(madoguchi::ageBandOn(d("1950-09-10"), d("2025-09-10")) == AgeBand::LateElderly);
    BOOST_CHECK(madoguchi::ageBandOn(d("1950-09-01"), d("2025-08-31")) == AgeBand::ElderlyRecipient);
    BOOST_CHECK(madoguchi::ageBandOn(d("1950-09-01"), d("2025-09-01")) == AgeBand::LateElderly);
}

BOOST_AUTO_TEST_CASE(ElderlyRecipientTakesTheRatioFromTheResult) {
    ShareEvidence evidence;
    evidence.elderlyRecipientRatio = "030";
    auto decision = madoguchi::decideShare(d("1953-05-05"), d("2025-11-25"), evidence);
    BOOST_CHECK_EQUAL(decision.share->tenths(), 3);
    BOOST_CHECK(decision.warnings.empty());
}

BOOST_AUTO_TEST_CASE(ElderlyRecipientWithoutAResultDefaultsToTwentyPercentWithAWarning) {
    auto decision = madoguchi::decideShare(d("1953-05-05"), d("2025-11-25"), {});
    BOOST_CHECK_EQUAL(decision.share->tenths(), 2);
    BOOST_CHECK_EQUAL(decision.warnings.size(), 1u);
}

BOOST_AUTO_TEST_CASE(LateElderlyHasNoDefaultShare) {
    auto decision = madoguchi::decideShare(d("1940-01-01"), d("2025-11-25"), {});
    BOOST_CHECK(!decision.share);
    BOOST_CHECK(decision.band == AgeBand::LateElderly);
    ShareEvidence evidence;
    evidence.lateElderlyRatio = "010";
    BOOST_CHECK_EQUAL(tenthsOn("1940-01-01", "2025-11-25", evidence), 1);
    evidence.lateElderlyRatio = "020";
    BOOST_CHECK_EQUAL(tenthsOn("1940-01-01", "2025-11-25", evidence), 2);
}

BOOST_AUTO_TEST_CASE(MismatchesBetweenResultAndAgeAreWarned) {
    ShareEvidence lateForYoung;
    lateForYoung.lateElderlyRatio = "010";
    auto young = madoguchi::decideShare(d("1985-01-01"), d("2025-11-25"), lateForYoung);
    BOOST_CHECK_EQUAL(young.share->tenths(), 3);
    BOOST_CHECK_EQUAL(young.warnings.size(), 1u);

    ShareEvidence preschoolFlag;
    preschoolFlag.preschoolFlag = true;
    BOOST_CHECK_EQUAL(madoguchi::decideShare(d("2010-01-01"), d("2025-11-25"), preschoolFlag).warnings.size(), 1u);

    ShareEvidence elderlyForYoung;
    elderlyForYoung.elderlyRecipientRatio = "020";
    BOOST_CHECK_EQUAL(madoguchi::decideShare(d("1985-01-01"), d("2025-11-25"), elderlyForYoung).warnings.size(), 1u);
}

BOOST_AUTO_TEST_CASE(LateElderlyRatioByDisabilityCertificationIsUsedWithAWarning) {
    ShareEvidence evidence;
    evidence.lateElderlyRatio = "010";
    auto decision = madoguchi::decideShare(d("1958-01-01"), d("2025-11-25"), evidence);  // 67
    BOOST_CHECK_EQUAL(decision.share->tenths(), 1);
    BOOST_CHECK_EQUAL(decision.warnings.size(), 1u);
}

BOOST_AUTO_TEST_SUITE_END()
