#include <boost/test/unit_test.hpp>

#include "domain/checkup_results.h"
#include "domain/medication_history.h"

using namespace madoguchi;

namespace {

DispensedDrug drug(const std::string& code, const std::string& ingredient, const std::string& days) {
    DispensedDrug d;
    d.code = code;
    d.name = ingredient + "錠";
    d.ingredient = ingredient;
    d.days = days;
    return d;
}

MedicationDay day(DrugSource source, const std::string& institution, const std::string& date,
                  std::vector<DispensedDrug> drugs) {
    MedicationDay d;
    d.source = source;
    d.institutionCode = institution;
    d.date = date;
    d.month = date.substr(0, 6);
    d.drugs = std::move(drugs);
    return d;
}

const std::string kClinicA = "1311234567", kClinicB = "1319876543", kPharmacy = "1341111111";

std::size_t duplicatesIn(std::vector<MedicationDay> days) {
    MedicationHistory history;
    history.days = std::move(days);
    mergeSources(history);
    return possibleDuplicates(history).size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MedicationHistoryMerge)

BOOST_AUTO_TEST_CASE(ClaimsWinTheSameInstitutionAndDateLaterSourcesAreMarkedRevised) {
    MedicationHistory history;
    history.days = {day(DrugSource::Prescription, kClinicA, "20261101", {drug("1", "アムロジピン", "28")}),
                    day(DrugSource::Dispensing, kClinicA, "20261101", {drug("1", "アムロジピン", "28")}),
                    day(DrugSource::Claims, kClinicA, "20261101", {drug("1", "アムロジピン", "28")}),
                    day(DrugSource::Dispensing, kClinicB, "20261101", {drug("2", "ロキソプロフェン", "5")})};
    mergeSources(history);
    BOOST_REQUIRE_EQUAL(history.days.size(), 4U);
    for (const auto& d : history.days) {
        bool shouldBeRevised = d.institutionCode == kClinicA && d.source != DrugSource::Claims;
        BOOST_CHECK_EQUAL(d.revised, shouldBeRevised);
    }
    BOOST_CHECK(history.days.front().source == DrugSource::Claims);  // claims first on the same date
}

BOOST_AUTO_TEST_CASE(WithoutClaimsTheDispensingDataWinsOverThePrescription) {
    MedicationHistory history;
    history.days = {day(DrugSource::Prescription, kClinicA, "20261101", {}),
                    day(DrugSource::Dispensing, kClinicA, "20261101", {})};
    mergeSources(history);
    BOOST_CHECK(!history.days[0].revised && history.days[0].source == DrugSource::Dispensing);
    BOOST_CHECK(history.days[1].revised);
    mergeSources(history);  // idempotent
    BOOST_CHECK(!history.days[0].revised && history.days[1].revised);
}

BOOST_AUTO_TEST_CASE(ADifferentDateIsNotRevised) {
    MedicationHistory history;
    history.days = {day(DrugSource::Claims, kClinicA, "20261101", {}), day(DrugSource::Dispensing, kClinicA, "20261102", {})};
    mergeSources(history);
    BOOST_CHECK(!history.days[0].revised && !history.days[1].revised);
}

BOOST_AUTO_TEST_CASE(ThePrescriberCountsAsTheInstitutionWhenItIsAMedicalCode) {
    MedicationDay d = day(DrugSource::Claims, kPharmacy, "20261101", {});
    BOOST_CHECK_EQUAL(d.institutionKey(), kPharmacy);
    d.prescriberCode = kClinicA;
    BOOST_CHECK_EQUAL(d.institutionKey(), kClinicA);
    d.prescriberCode = "1341111112";  // a pharmacy code (third digit 4) is not a prescriber
    BOOST_CHECK_EQUAL(d.institutionKey(), kPharmacy);
    d.prescriberCode = "13112345";  // too short
    BOOST_CHECK_EQUAL(d.institutionKey(), kPharmacy);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DuplicateMedication)

BOOST_AUTO_TEST_CASE(SameIngredientFromTwoInstitutionsOverlappingIsFlagged) {
    MedicationHistory history;
    history.days = {day(DrugSource::Claims, kClinicA, "20261101", {drug("620000001", "ロキソプロフェンナトリウム", "14")}),
                    day(DrugSource::Claims, kClinicB, "20261110", {drug("620000099", "ロキソプロフェンナトリウム", "7")})};
    mergeSources(history);
    auto duplicates = possibleDuplicates(history);
    BOOST_REQUIRE_EQUAL(duplicates.size(), 1U);
    BOOST_CHECK_EQUAL(duplicates[0].ingredient, "ロキソプロフェンナトリウム");
    BOOST_CHECK_EQUAL(duplicates[0].earlier.day->institutionCode, kClinicA);
    BOOST_CHECK_EQUAL(duplicates[0].later.day->institutionCode, kClinicB);
    BOOST_CHECK_EQUAL(duplicates[0].earlier.last.iso(), "2026-11-14");
}

BOOST_AUTO_TEST_CASE(TouchingPeriodsAreNotAnOverlapTheLastDaySharedIs) {
    // 14 days from 1 Nov end on 14 Nov: starting on the 15th follows, starting on the 14th overlaps.
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("", "X", "14")}),
                                    day(DrugSource::Claims, kClinicB, "20261115", {drug("", "X", "7")})}),
                      0U);
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("", "X", "14")}),
                                    day(DrugSource::Claims, kClinicB, "20261114", {drug("", "X", "7")})}),
                      1U);
}

BOOST_AUTO_TEST_CASE(TheSameInstitutionIsNeverADuplicate) {
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("", "X", "30")}),
                                    day(DrugSource::Claims, kClinicA, "20261110", {drug("", "X", "30")})}),
                      0U);
}

BOOST_AUTO_TEST_CASE(ADifferentSpellingIsNoMatchUnlessTheCodeMatches) {
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("611", "アムロジピンベシル酸塩", "28")}),
                                    day(DrugSource::Claims, kClinicB, "20261105", {drug("622", "アムロジピン", "28")})}),
                      0U);
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("611", "アムロジピンベシル酸塩", "28")}),
                                    day(DrugSource::Claims, kClinicB, "20261105", {drug("611", "アムロジピン", "28")})}),
                      1U);
    // Two empty ingredients are not the same ingredient.
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("", "", "28")}),
                                    day(DrugSource::Claims, kClinicB, "20261105", {drug("", "", "28")})}),
                      0U);
}

BOOST_AUTO_TEST_CASE(RevisedCopiesAndUnreadableDatesAreLeftOut) {
    // The dispensing copy of clinic A's claim is revised: it must not pair with clinic A's own claim,
    // nor count a second time against clinic B.
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("", "X", "14")}),
                                    day(DrugSource::Dispensing, kClinicA, "20261101", {drug("", "X", "14")}),
                                    day(DrugSource::Claims, kClinicB, "20261105", {drug("", "X", "7")})}),
                      1U);
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "2026110", {drug("", "X", "14")}),
                                    day(DrugSource::Claims, kClinicB, "20261105", {drug("", "X", "7")})}),
                      0U);
}

BOOST_AUTO_TEST_CASE(MissingOrZeroDaysCountAsOneDay) {
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("", "X", "")}),
                                    day(DrugSource::Claims, kClinicB, "20261102", {drug("", "X", "0")})}),
                      0U);
    BOOST_CHECK_EQUAL(duplicatesIn({day(DrugSource::Claims, kClinicA, "20261101", {drug("", "X", "")}),
                                    day(DrugSource::Claims, kClinicB, "20261101", {drug("", "X", "0")})}),
                      1U);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(CheckupResults)

BOOST_AUTO_TEST_CASE(OutsideTheRangeOnlyWhenNumbersSayIt) {
    CheckupItem item;
    item.value = "130";
    item.rangeHigh = "129";
    BOOST_CHECK(item.outsideReferenceRange());
    item.rangeHigh = "130";
    BOOST_CHECK(!item.outsideReferenceRange());  // the bound itself is inside
    item.rangeLow = "130.5";
    BOOST_CHECK(item.outsideReferenceRange());
    item = {};
    item.value = "陰性";
    item.rangeHigh = "1";
    BOOST_CHECK(!item.outsideReferenceRange());
    item.value = "5.2";
    item.rangeHigh = "";
    BOOST_CHECK(!item.outsideReferenceRange());  // no range given
}

BOOST_AUTO_TEST_CASE(NewestFirst) {
    CheckupHistory history;
    history.checkups = {{"20240610", {}}, {"20260612", {}}, {"20250611", {}}};
    sortNewestFirst(history);
    BOOST_CHECK_EQUAL(history.checkups[0].effectiveTime, "20260612");
    BOOST_CHECK_EQUAL(history.checkups[2].effectiveTime, "20240610");
}

BOOST_AUTO_TEST_SUITE_END()
