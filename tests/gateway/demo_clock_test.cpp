// The demo's clock (app::DayShiftedClock on the dataset's demo_today): the day moves, the time of
// day is the base clock's, and on that day every demo person stands where their note says.
#include <boost/test/unit_test.hpp>

#include "app/day_shifted_clock.h"
#include "app/resources.h"
#include "code_tables.h"
#include "devices/gateway/demo_dataset.h"
#include "domain/certificate_rules.h"
#include "domain/copay_rules.h"
#include "domain_printers.h"
#include "fixed_clock.h"

using namespace madoguchi;

namespace {

const LocalDateTime kMachineNow{*Date::fromYmd(2031, 7, 2), 14, 5, 9};

gateway::DemoDataset demoDataset() {
    auto dataset = gateway::DemoDataset::load(app::resourcePath("demo/oqs_dataset.json"), test::codeTables());
    BOOST_REQUIRE_MESSAGE(dataset, (dataset ? "" : dataset.problem().message));
    return std::move(dataset).value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DemoClock)

BOOST_AUTO_TEST_CASE(TheShiftedClockStartsOnItsDayAndRunsWithTheBase) {
    test::FixedClock machine{kMachineNow};
    const app::DayShiftedClock demo(machine, *Date::fromYmd(2026, 11, 30));
    BOOST_CHECK_EQUAL(demo.now().iso(), "2026-11-30T14:05:09");
    machine.advanceMinutes(10 * 60);  // past the machine's midnight
    BOOST_CHECK_EQUAL(demo.now().iso(), "2026-12-01T00:05:09");
}

BOOST_AUTO_TEST_CASE(OnItsDemoDayEveryDemoPersonStandsWhereTheirNoteSays) {
    const auto dataset = demoDataset();
    BOOST_REQUIRE(dataset.demoToday());
    const Date today = *dataset.demoToday();
    const auto standing = [&](const std::string& id) {
        const auto* person = dataset.byId(id);
        BOOST_REQUIRE_MESSAGE(person, "no demo person " << id);
        return certificateStandingOn(*Date::parseIso(person->certificateNotAfter), today);
    };
    BOOST_CHECK_EQUAL(standing("P001"), CertificateStanding::Valid);
    BOOST_CHECK_EQUAL(standing("P011"), CertificateStanding::ExpiringSoon);
    BOOST_CHECK_EQUAL(standing("P012"), CertificateStanding::InGracePeriod);
    BOOST_CHECK_EQUAL(standing("P013"), CertificateStanding::ExpiredBeyondGrace);
    const auto birth = dataset.byId("P006")->record().birthDate();
    BOOST_REQUIRE(birth);
    const int age = completedYearsOn(*birth, today);
    BOOST_CHECK_MESSAGE(age >= 70 && age <= 74, "P006 is " << age << ", the 70–74 case");
}

BOOST_AUTO_TEST_CASE(ADatasetWithAnUnreadableDemoDayIsRefused) {
    const auto dataset = gateway::DemoDataset::parse(R"({"demo_today": "2026-13-01", "people": []})", test::codeTables());
    BOOST_REQUIRE(!dataset);
    BOOST_CHECK_EQUAL(dataset.problem().code, "dataset.malformed");
}

BOOST_AUTO_TEST_SUITE_END()
