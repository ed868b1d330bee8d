// The window's direct-reader lookup (HttpCardLookup) against the gateway simulator's card check
// served over real loopback HTTP: a demo card signs the challenge and the answer is the person's.
#include <boost/test/unit_test.hpp>

#include "app/resources.h"
#include "app/system_clock.h"
#include "devices/gateway/card_check_http_server.h"
#include "gui/demo/demo_cards.h"
#include "gui/reception/http_card_lookup.h"
#include "gui_harness.h"

using namespace madoguchi;

BOOST_AUTO_TEST_SUITE(HttpCardLookupWithTheSimulator)

BOOST_AUTO_TEST_CASE(ADemoCardAfterItsPinGetsItsHoldersEligibility) {
    const CodeTables codes = app::loadCodeTables().value();
    auto dataset = gateway::DemoDataset::load(app::resourcePath("demo/oqs_dataset.json"), codes);
    BOOST_REQUIRE(dataset);
    auto verifier = gateway::CardCertificateVerifier::fromPemFile(app::resourcePath("demo/ca/demo_ca.cert.pem"));
    BOOST_REQUIRE(verifier);
    app::SystemClock clock;
    gateway::CardCheckService service(dataset.value(), codes, std::move(verifier).value(), clock);
    auto server = gateway::CardCheckHttpServer::start(service, 0);
    BOOST_REQUIRE(server);

    gui::test::TempFolder folder;
    gui::DemoCards cards(folder.path());
    const gateway::DemoPerson* person = dataset.value().byId("P001");
    BOOST_REQUIRE(person);
    auto tapped = cards.tap(*person);
    BOOST_REQUIRE(tapped);
    CardReader& card = tapped.value()->reader();
    std::string pin = gui::kDemoCardPin;
    auto verified = card.verifyPin(pin);
    BOOST_REQUIRE(verified && verified.value().accepted);
    auto certificate = card.readAuthCertificate();
    BOOST_REQUIRE(certificate);

    gui::HttpCardLookup lookup("http://127.0.0.1:" + std::to_string(server.value()->port()), codes);
    GatewayAnswer answer = lookup.lookup(card, certificate.value(), {});
    BOOST_REQUIRE_MESSAGE(answer.kind == GatewayAnswer::Kind::Answered, answer.failure);
    BOOST_REQUIRE(answer.result && !answer.result->results.empty());
    BOOST_CHECK_EQUAL(answer.result->results.front().insurerNumber, person->record().insurerNumber);
    BOOST_CHECK_EQUAL(answer.result->results.front().name, person->record().name);
    BOOST_CHECK(!answer.rawXml.empty());
}

BOOST_AUTO_TEST_CASE(NoGatewayListeningIsAFailureTheSessionCanFallBackFrom) {
    gui::test::TempFolder folder;
    const CodeTables codes = app::loadCodeTables().value();
    auto dataset = gateway::DemoDataset::load(app::resourcePath("demo/oqs_dataset.json"), codes);
    BOOST_REQUIRE(dataset);
    gui::DemoCards cards(folder.path());
    auto tapped = cards.tap(*dataset.value().byId("P001"));
    BOOST_REQUIRE(tapped);
    CardReader& card = tapped.value()->reader();
    std::string pin = gui::kDemoCardPin;
    BOOST_REQUIRE(card.verifyPin(pin));
    auto certificate = card.readAuthCertificate();
    BOOST_REQUIRE(certificate);
    gui::HttpCardLookup lookup("http://127.0.0.1:9", codes);  // discard port: nothing answers
    GatewayAnswer answer = lookup.lookup(card, certificate.value(), {});
    BOOST_CHECK(answer.kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK(!answer.failure.empty());
}

BOOST_AUTO_TEST_SUITE_END()
