// The window's direct-reader lookup (HttpCardLookup) against the gateway simulator's card check
// served over real loopback HTTPS with the demo gateway certificate (resources/demo/ca), pinned to
// the demo CA: a demo card signs the challenge and the answer is the person's.
#include <boost/test/unit_test.hpp>

#include "app/resources.h"
#include "code_tables.h"
#include "environment.h"
#include "fixed_clock.h"
#include "devices/gateway/card_check_http_server.h"
#include "gui/demo/demo_cards.h"
#include "gui/reception/http_card_lookup.h"
#include "gui_harness.h"

using namespace madoguchi;

namespace {

// A demo card (P001) after its PIN, looked up at `url` with the demo CA pinned.
GatewayAnswer lookUpDemoCard(const std::string& url) {
    test::TempFolder folder;
    const CodeTables& codes = madoguchi::test::codeTables();
    auto dataset = gateway::DemoDataset::load(app::resourcePath("demo/oqs_dataset.json"), codes);
    BOOST_REQUIRE(dataset);
    gui::DemoCards cards(folder.path());
    auto tapped = cards.tap(*dataset.value().byId("P001"));
    BOOST_REQUIRE(tapped);
    CardReader& card = tapped.value()->reader();
    SecretBuffer pin;
    pin.assign(gui::kDemoCardPin);
    BOOST_REQUIRE(card.verifyPin(pin));
    auto certificate = card.readAuthCertificate();
    BOOST_REQUIRE(certificate);
    gui::HttpCardLookup lookup(url, codes, gateway::CardCheckTrust{app::resourcePath("demo/ca/demo_ca.cert.pem"), false});
    return lookup.lookup(card, certificate.value(), {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HttpCardLookupWithTheSimulator)

BOOST_AUTO_TEST_CASE(ADemoCardAfterItsPinGetsItsHoldersEligibility) {
    const CodeTables& codes = madoguchi::test::codeTables();
    auto dataset = gateway::DemoDataset::load(app::resourcePath("demo/oqs_dataset.json"), codes);
    BOOST_REQUIRE(dataset);
    test::TempFolder folder;
    gui::DemoCards cards(folder.path());
    const gateway::DemoPerson* person = dataset.value().byId("P001");
    BOOST_REQUIRE(person);
    auto tapped = cards.tap(*person);
    BOOST_REQUIRE(tapped);

    // The simulator trusts the CA the demo made for this run, as the demo's own check does.
    auto verifier = gateway::CardCertificateVerifier::fromPemFile(cards.caCertificatePath());
    BOOST_REQUIRE(verifier);
    madoguchi::test::FixedClock clock{LocalDateTime{*dataset.value().demoToday(), 9, 30, 0}};  // where the demo dataset stands
    gateway::CardCheckService service(dataset.value(), codes, std::move(verifier).value(), clock);
    auto server = gateway::CardCheckHttpServer::start(
        service, 0,
        gateway::ServerTls{app::resourcePath("demo/ca/demo_gateway.cert.pem"), app::resourcePath("demo/ca/demo_gateway.key.pem")});
    BOOST_REQUIRE(server);
    CardReader& card = tapped.value()->reader();
    SecretBuffer pin;
    pin.assign(gui::kDemoCardPin);
    auto verified = card.verifyPin(pin);
    BOOST_REQUIRE(verified && verified.value().accepted);
    auto certificate = card.readAuthCertificate();
    BOOST_REQUIRE(certificate);

    gui::HttpCardLookup lookup("https://127.0.0.1:" + std::to_string(server.value()->port()), codes,
                               gateway::CardCheckTrust{app::resourcePath("demo/ca/demo_ca.cert.pem"), false});
    GatewayAnswer answer = lookup.lookup(card, certificate.value(), {});
    BOOST_REQUIRE_MESSAGE(answer.kind == GatewayAnswer::Kind::Answered, answer.failure);
    BOOST_REQUIRE(answer.result && !answer.result->results.empty());
    BOOST_CHECK_EQUAL(answer.result->results.front().insurerNumber, person->record().insurerNumber);
    BOOST_CHECK_EQUAL(answer.result->results.front().name, person->record().name);
    BOOST_CHECK(!answer.rawXml.empty());
}

BOOST_AUTO_TEST_CASE(NoGatewayListeningIsAFailureTheSessionCanFallBackFrom) {
    GatewayAnswer answer = lookUpDemoCard("https://127.0.0.1:9");  // discard port: nothing answers
    BOOST_CHECK(answer.kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK(!answer.failure.empty());
}

#ifndef _WIN32
// Linux: the HTTPS client is in libmadoguchi-card-check.so, opened at the first lookup (Windows
// links it in). Without the module the lookup fails, so the session falls back, and says why.
BOOST_AUTO_TEST_CASE(WithoutItsModuleTheCardCheckFailsAndSaysItIsNotInstalled) {
    test::TempFolder folder;
    struct ModuleOverride {
        explicit ModuleOverride(const std::filesystem::path& path) {
            test::setEnvironment(gateway::kCardCheckModuleOverride, path.string());
        }
        ~ModuleOverride() { test::unsetEnvironment(gateway::kCardCheckModuleOverride); }
    } missing(folder.path() / gateway::kCardCheckModuleFileName);
    GatewayAnswer answer = lookUpDemoCard("https://127.0.0.1:9");
    BOOST_CHECK(answer.kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK_NE(answer.failure.find("not installed"), std::string::npos);
}
#endif

BOOST_AUTO_TEST_SUITE_END()
