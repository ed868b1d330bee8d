// The whole direct path: virtual card → vpcd → pcscd → PIN and signature on the card → the gateway
// simulator's HTTP card check (`madoguchi-cli sim oqs --http-port 0`, trusting the CA that issued
// the card) → the result XML.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "code_tables.h"
#include "devices/card/card_session.h"
#include "devices/gateway/card_check_protocol.h"
#include "devices/gateway/http_card_check_client.h"
#include "pcsc_stack.h"

using namespace madoguchi;
using madoguchi::test::ChildProcess;
using madoguchi::test::PcscStack;

namespace {

const std::vector<test::Person> kCards{
    {"P-VALID", "123456789012", "2029-03-31"},
    {"P-EXPIRED", "777", "2026-06-30"},  // past the 3-month grace on kStackToday
    {"P-REVOKED", "31337", "2030-01-31"},
};

const char* kSimulatorDataset = R"({"medical_institution_code": "1312345678", 
 "revoked_certificates": [{"issuer": "CN=Madoguchi Demo JPKI Auth CA (demo only),O=Madoguchi demo - NOT A REAL CA,C=JP", "serial": "31337"}],
 "people": [
  {"id": "P-VALID", "card_serial": "123456789012", "validity": "1", "insurer_number": "01130012",
   "symbol": "1234", "number": "10015", "branch": "00", "name": "窓口　花子", "birth_date": "1980-06-15", "sex": "2"},
  {"id": "P-EXPIRED", "card_serial": "777", "validity": "1", "insurer_number": "131011", "number": "10025",
   "name": "期限　切れ", "birth_date": "1950-01-01"},
  {"id": "P-REVOKED", "card_serial": "31337", "validity": "1", "insurer_number": "131011", "number": "10035",
   "name": "失効　証明", "birth_date": "1960-02-02"}]})";

// `sim oqs --http-port 0` in the stack's folder; waits for the port it prints.
struct Simulator {
    explicit Simulator(const PcscStack& stack) {
        std::ofstream(stack.dir() / "sim_dataset.json") << kSimulatorDataset;
        const auto log = stack.dir() / "sim-oqs.log";
        process = std::make_unique<ChildProcess>(
            std::vector<std::string>{stack.cli(), "sim", "oqs", "--root", (stack.dir() / "oqs").string(), "--dataset",
                                     (stack.dir() / "sim_dataset.json").string(), "--ca-cert",
                                     stack.caCertificate().string(), "--http-port", "0", "--today", test::kStackToday},
            log);
        const std::regex printed("\"url\": \"(https://127\\.0\\.0\\.1:[0-9]+)\"");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (url.empty() && std::chrono::steady_clock::now() < deadline) {
            std::ifstream in(log);
            std::stringstream text;
            text << in.rdbuf();
            std::smatch match;
            const auto content = text.str();
            if (std::regex_search(content, match, printed)) url = match[1];
            else std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (url.empty()) throw std::runtime_error("sim oqs printed no URL within 30 s; see " + log.string());
    }
    std::unique_ptr<ChildProcess> process;
    std::string url;
};

template <class T>
std::string codeOf(const Outcome<T>& outcome) {
    return outcome ? "ok" : outcome.problem().code;
}

// One tap: the card on the reader, the PIN, then the gateway's check.
Outcome<gateway::CardCheckAnswer> tapAndCheck(const std::string& url) {
    auto context = card::PcscContext::establish();
    BOOST_REQUIRE(context);
    auto reader = context.value()->waitForCard(std::chrono::seconds(5));
    BOOST_REQUIRE(reader);
    auto session = card::PcscCardSession::open(*context.value(), reader.value());
    BOOST_REQUIRE_MESSAGE(session, codeOf(session));
    SecretBuffer pin;
    pin.assign("1234");
    BOOST_REQUIRE(session.value()->card().verifyPin(pin).value().accepted);
    // the simulator serves HTTPS with the demo gateway certificate: pin the demo CA
    gateway::HttpCardCheckClient client(url, test::codeTables(),
                                        gateway::CardCheckTrust{app::resourcePath("demo/ca/demo_ca.cert.pem"), false});
    return client.check(session.value()->card());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DirectCardCheckThroughPcscd)

BOOST_AUTO_TEST_CASE(a_virtual_card_passes_the_simulators_http_check_and_gets_its_result) {
    PcscStack stack;
    stack.makeProfiles(kCards);
    Simulator simulator(stack);

    stack.insert("P-VALID");
    auto answer = tapAndCheck(simulator.url);
    BOOST_REQUIRE_MESSAGE(answer, codeOf(answer));
    BOOST_TEST(answer.value().result.isConfirmed());
    BOOST_TEST(answer.value().result.referenceClassification.raw == "1");
    BOOST_TEST(answer.value().result.results.front().name == "窓口　花子");

    stack.insert("P-EXPIRED");
    BOOST_TEST(codeOf(tapAndCheck(simulator.url)) == gateway::card_check::kCertificateExpired);
    stack.insert("P-REVOKED");
    BOOST_TEST(codeOf(tapAndCheck(simulator.url)) == gateway::card_check::kCertificateRevoked);
}

BOOST_AUTO_TEST_CASE(the_cli_card_check_runs_the_whole_direct_path) {
    PcscStack stack;
    stack.makeProfiles({kCards[0]});
    Simulator simulator(stack);
    stack.insert("P-VALID");
    int status = -1;
    const auto output = test::runAndCapture(
        {"sh", "-c", "echo 1234 | '" + stack.cli() + "' card check --url " + simulator.url + " --gateway-ca '" +
                         stack.caCertificate().string() + "'"},
        status);
    BOOST_TEST_INFO(output);
    BOOST_TEST(status == 0);
    BOOST_TEST(output.find("\"accepted\": true") != std::string::npos);
    BOOST_TEST(output.find("窓口　花子") != std::string::npos);
    BOOST_TEST(output.find("\"ReferenceClassification\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
