#include <boost/test/unit_test.hpp>

#include "domain/medical_information_gate.h"

using namespace madoguchi;

namespace {

LocalDateTime at(const char* compact) { return *LocalDateTime::parseCompact(compact); }

QualificationRecord consenting(const std::string& flag, const std::string& availableTime) {
    QualificationRecord record;
    record.insurerNumber = "06132013";
    record.birthdate = "19800101";
    record.pharmacistsInfo.flag.raw = flag;
    record.pharmacistsInfo.availableTime = availableTime;
    return record;
}

std::string refusal(const Outcome<bool>& decision) { return decision ? "" : decision.problem().code; }

}  // namespace

BOOST_AUTO_TEST_SUITE(MedicalInformationGate)

BOOST_AUTO_TEST_CASE(ConsentWithTimeLeftInModesOneAndTwoAllowsAFetch) {
    auto record = consenting("1", "20261130235959");
    auto now = at("20261130100000");
    BOOST_CHECK(mayFetch(FacilityMode::Standard, record, MedicalInformation::Medication, now, std::nullopt, false));
    BOOST_CHECK(mayFetch(FacilityMode::HomeConsent, record, MedicalInformation::Medication, now, std::nullopt, false));
    BOOST_CHECK(mayOfferFetch(FacilityMode::Standard, record, MedicalInformation::Medication, now));
}

BOOST_AUTO_TEST_CASE(ModeThreeNeverFetchesEvenWithConsentOrForced) {
    auto record = consenting("1", "20261130235959");
    auto now = at("20261130100000");
    BOOST_CHECK_EQUAL(refusal(mayFetch(FacilityMode::QualificationOnly, record, MedicalInformation::Medication, now,
                                       std::nullopt, true)),
                      "medical_info.mode");
    BOOST_CHECK(!mayOfferFetch(FacilityMode::QualificationOnly, record, MedicalInformation::Medication, now));
}

BOOST_AUTO_TEST_CASE(NoConsentOrAnotherFlagRefuses) {
    auto now = at("20261130100000");
    for (const char* flag : {"", "0", "2", "3", "11"})
        BOOST_CHECK_EQUAL(refusal(mayFetch(FacilityMode::Standard, consenting(flag, "20261130235959"),
                                           MedicalInformation::Medication, now, std::nullopt, true)),
                          "medical_info.no_consent");
}

BOOST_AUTO_TEST_CASE(EachKindReadsItsOwnConsent) {
    auto record = consenting("1", "20261130235959");  // 薬剤 only
    auto now = at("20261130100000");
    BOOST_CHECK_EQUAL(refusal(mayFetch(FacilityMode::Standard, record, MedicalInformation::Checkups, now,
                                       std::nullopt, false)),
                      "medical_info.no_consent");
    record.specificHealthCheckupsInfo.flag.raw = "1";
    record.specificHealthCheckupsInfo.availableTime = "20261201000000";
    BOOST_CHECK(mayFetch(FacilityMode::Standard, record, MedicalInformation::Checkups, now, std::nullopt, false));
}

BOOST_AUTO_TEST_CASE(AvailableTimeAtItsEdges) {
    auto record = consenting("1", "20261130100000");
    BOOST_CHECK(consentAllowsFetch(record.pharmacistsInfo, at("20261130100000")));   // the very second
    BOOST_CHECK(!consentAllowsFetch(record.pharmacistsInfo, at("20261130100001")));  // one second late
    record.pharmacistsInfo.availableTime = "20261130";  // a date alone: to the end of that day
    BOOST_CHECK(consentAllowsFetch(record.pharmacistsInfo, at("20261130235959")));
    BOOST_CHECK(!consentAllowsFetch(record.pharmacistsInfo, at("20261201000000")));
    for (const char* unreadable : {"", "2026113", "20261332000000", "soon"}) {
        record.pharmacistsInfo.availableTime = unreadable;
        BOOST_CHECK(!consentAllowsFetch(record.pharmacistsInfo, at("20261101000000")));
    }
    record.pharmacistsInfo.availableTime = "20261129235959";
    BOOST_CHECK_EQUAL(refusal(mayFetch(FacilityMode::Standard, record, MedicalInformation::Medication,
                                       at("20261130000000"), std::nullopt, true)),
                      "medical_info.consent_expired");
}

BOOST_AUTO_TEST_CASE(NotTwiceWithinTheIntervalUnlessForced) {
    auto record = consenting("1", "20261231235959");
    RecentFetches fetches;
    std::string key = patientKeyOf(record);
    fetches.record(key, MedicalInformation::Medication, at("20261130090000"));
    auto last = fetches.last(key, MedicalInformation::Medication);
    BOOST_REQUIRE(last);
    BOOST_CHECK_EQUAL(refusal(mayFetch(FacilityMode::Standard, record, MedicalInformation::Medication,
                                       at("20261130145959"), last, false)),
                      "medical_info.recently_fetched");
    BOOST_CHECK(mayFetch(FacilityMode::Standard, record, MedicalInformation::Medication, at("20261130145959"), last, true));
    BOOST_CHECK(mayFetch(FacilityMode::Standard, record, MedicalInformation::Medication, at("20261130150000"), last, false));
    // Across midnight the interval still counts.
    fetches.record(key, MedicalInformation::Medication, at("20261130230000"));
    BOOST_CHECK(!mayFetch(FacilityMode::Standard, record, MedicalInformation::Medication, at("20261201020000"),
                          fetches.last(key, MedicalInformation::Medication), false));
    // The other kind and another patient are not affected.
    BOOST_CHECK(!fetches.last(key, MedicalInformation::Checkups));
    auto other = record;
    other.insuredIdentificationNumber = "2";
    BOOST_CHECK(!fetches.last(patientKeyOf(other), MedicalInformation::Medication));
}

BOOST_AUTO_TEST_SUITE_END()
