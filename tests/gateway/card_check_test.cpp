// The direct card check over HTTP: the simulator's endpoint on loopback and HttpCardCheckClient,
// with an in-process CA and software card (the real card path is in tests/pcsc).
#include <unistd.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <thread>

#include "app/resources.h"
#include "devices/gateway/card_check_http_server.h"
#include "devices/gateway/card_check_protocol.h"
#include "devices/gateway/http_card_check_client.h"
#include "test_pki.h"

using namespace madoguchi;
using namespace madoguchi::gateway;
using madoguchi::test::SoftwareCard;
using madoguchi::test::TestCa;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

struct FixedClock : Clock {
    LocalDateTime now() const override { return *LocalDateTime::parseIso("2026-11-25T09:30:00"); }
};

const CodeTables& codes() {
    static const CodeTables tables = app::loadCodeTables().value();
    return tables;
}

const char* kDataset = R"({"medical_institution_code": "1312345678", "revoked_card_serials": ["1023"], "people": [
  {"id": "VALID", "card_serial": "1001", "validity": "1", "insurer_number": "01130012", "symbol": "1234",
   "number": "10015", "branch": "00", "name": "窓口　花子", "birth_date": "1980-06-15", "sex": "2"},
  {"id": "GRACE", "card_serial": "1012", "validity": "1", "insurer_number": "131011", "number": "10025",
   "name": "猶予　期間", "birth_date": "1972-11-03"},
  {"id": "EXPIRED", "card_serial": "1013", "validity": "1", "insurer_number": "131011", "number": "10035",
   "name": "期限　切れ", "birth_date": "1950-01-01"},
  {"id": "REVOKED", "card_serial": "1023", "validity": "1", "insurer_number": "131011", "number": "10045",
   "name": "失効　証明", "birth_date": "1960-02-02"},
  {"id": "SLOW", "card_serial": "1030", "validity": "1", "insurer_number": "131011", "number": "10055",
   "name": "遅延　応答", "birth_date": "1990-03-03", "fault": {"latency_ms": 800}}]})";

const Date kFar = *Date::parseIso("2031-03-31");

// One CA and one card per (serial, notAfter) for the whole run: RSA key generation is the slow part.
const TestCa& sharedCa() {
    static const TestCa ca{"Test JPKI Auth CA"};
    return ca;
}

const madoguchi::test::IssuedCard& issuedCard(const std::string& serial, const Date& notAfter) {
    static std::map<std::pair<std::string, std::string>, madoguchi::test::IssuedCard> cards;
    auto key = std::pair{serial, notAfter.iso()};
    if (!cards.count(key)) cards.emplace(key, sharedCa().issue(serial, notAfter));
    return cards.at(key);
}

// The simulator's card-check endpoint on a free loopback port, trusting a CA made for this test.
struct Gateway {
    explicit Gateway(std::chrono::milliseconds lifetime = 30s) {
        fs::create_directories(dir);
        ca.writeCertificatePem(dir / "ca.pem");
        service = std::make_unique<CardCheckService>(dataset, codes(), CardCertificateVerifier::fromPemFile(dir / "ca.pem").value(),
                                                     clock, lifetime);
        server = CardCheckHttpServer::start(*service, 0).value();
    }
    ~Gateway() {
        server.reset();
        fs::remove_all(dir);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(server->port()); }
    HttpCardCheckClient client(std::chrono::milliseconds timeout = 5s) const { return {url(), codes(), timeout}; }
    SoftwareCard card(const std::string& serial, const Date& notAfter = kFar) const {
        return SoftwareCard(issuedCard(serial, notAfter));
    }

    fs::path dir = fs::temp_directory_path() / ("madoguchi-cardcheck-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(counter++));
    const TestCa& ca = sharedCa();
    FixedClock clock;
    DemoDataset dataset = DemoDataset::parse(kDataset, codes()).value();
    std::unique_ptr<CardCheckService> service;
    std::unique_ptr<CardCheckHttpServer> server;
    static inline int counter = 0;
};

template <class T>
std::string codeOf(const Outcome<T>& outcome) {
    return outcome ? "ok" : outcome.problem().code;
}

// The signed exchange done by hand, so a test can alter one part of it.
Outcome<CardCheckAnswer> submitSigned(HttpCardCheckClient& client, SoftwareCard& card,
                                      const std::vector<std::uint8_t>& challenge) {
    auto signature = card.signWithAuthKey(challenge);
    return client.submit(challenge, signature.value(), card.readAuthCertificate().value().der);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DirectCardCheck)

BOOST_AUTO_TEST_CASE(a_good_signature_from_a_trusted_card_is_answered_with_the_card_reference_result) {
    Gateway gateway;
    auto card = gateway.card("1001");
    auto answer = gateway.client().check(card);
    BOOST_REQUIRE_MESSAGE(answer, codeOf(answer));
    const auto& result = answer.value().result;
    BOOST_TEST(result.referenceClassification.raw == "1");
    BOOST_TEST(result.isConfirmed());
    BOOST_REQUIRE_EQUAL(result.results.size(), 1u);
    BOOST_TEST(result.results.front().name == "窓口　花子");
    BOOST_TEST(result.results.front().insurerNumber == "01130012");
    BOOST_TEST(result.processExecutionTime == "20261125093000");
    BOOST_TEST(answer.value().rawXml.find("<ReferenceClassification>1</ReferenceClassification>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_certificate_in_its_grace_period_still_works) {
    Gateway gateway;
    auto card = gateway.card("1012", *Date::parseIso("2026-10-10"));
    auto answer = gateway.client().check(card);
    BOOST_REQUIRE_MESSAGE(answer, codeOf(answer));
    BOOST_TEST(answer.value().result.results.front().name == "猶予　期間");
}

BOOST_AUTO_TEST_CASE(a_signature_over_other_bytes_is_refused) {
    Gateway gateway;
    auto card = gateway.card("1001");
    auto client = gateway.client();
    auto challenge = client.requestChallenge();
    BOOST_REQUIRE(challenge);
    auto other = challenge.value();
    other.front() ^= 0x01;
    const auto signature = card.signWithAuthKey(other).value();
    auto answer = client.submit(challenge.value(), signature, card.readAuthCertificate().value().der);
    BOOST_TEST(codeOf(answer) == card_check::kBadSignature);
}

BOOST_AUTO_TEST_CASE(a_signature_by_another_key_than_the_certificate_is_refused) {
    Gateway gateway;
    auto card = gateway.card("1001");
    SoftwareCard impostor(gateway.ca.issue("1001", kFar));  // same serial and CA, different key
    auto client = gateway.client();
    auto challenge = client.requestChallenge().value();
    auto answer = client.submit(challenge, impostor.signWithAuthKey(challenge).value(), card.readAuthCertificate().value().der);
    BOOST_TEST(codeOf(answer) == card_check::kBadSignature);
}

BOOST_AUTO_TEST_CASE(a_certificate_expired_beyond_the_grace_period_is_refused_with_the_domain_advice) {
    Gateway gateway;
    auto card = gateway.card("1013", *Date::parseIso("2026-06-30"));
    auto answer = gateway.client().check(card);
    BOOST_REQUIRE(!answer);
    BOOST_TEST(answer.problem().code == card_check::kCertificateExpired);
    BOOST_TEST(answer.problem().message == certificateAdvice(CertificateStanding::ExpiredBeyondGrace));
}

BOOST_AUTO_TEST_CASE(a_revoked_certificate_is_refused) {
    Gateway gateway;
    auto card = gateway.card("1023");
    auto answer = gateway.client().check(card);
    BOOST_TEST(codeOf(answer) == card_check::kCertificateRevoked);
}

BOOST_AUTO_TEST_CASE(a_genuine_card_that_maps_to_nobody_is_answered_with_no_qualification) {
    Gateway gateway;
    auto card = gateway.card("424242");
    auto answer = gateway.client().check(card);
    BOOST_REQUIRE_MESSAGE(answer, codeOf(answer));
    BOOST_TEST(answer.value().result.qualificationValidity.raw == "4");
    BOOST_TEST(answer.value().result.referenceClassification.raw == "1");
    BOOST_TEST(answer.value().result.results.empty());
}

BOOST_AUTO_TEST_CASE(a_card_from_a_foreign_ca_with_the_same_name_is_refused) {
    Gateway gateway;
    TestCa foreign{"Test JPKI Auth CA"};
    SoftwareCard card(foreign.issue("1001", kFar));
    auto answer = gateway.client().check(card);
    BOOST_TEST(codeOf(answer) == card_check::kCertificateUntrusted);
}

BOOST_AUTO_TEST_CASE(a_challenge_is_single_use_even_after_a_good_answer) {
    Gateway gateway;
    auto card = gateway.card("1001");
    auto client = gateway.client();
    auto challenge = client.requestChallenge().value();
    BOOST_REQUIRE(submitSigned(client, card, challenge));
    BOOST_TEST(codeOf(submitSigned(client, card, challenge)) == card_check::kChallengeUnknown);
}

BOOST_AUTO_TEST_CASE(a_refused_attempt_spends_the_challenge_too) {
    Gateway gateway;
    auto card = gateway.card("1001");
    auto client = gateway.client();
    auto challenge = client.requestChallenge().value();
    BOOST_REQUIRE(!client.submit(challenge, std::vector<std::uint8_t>(256, 0), card.readAuthCertificate().value().der));
    BOOST_TEST(codeOf(submitSigned(client, card, challenge)) == card_check::kChallengeUnknown);
}

BOOST_AUTO_TEST_CASE(a_challenge_the_gateway_never_issued_is_refused) {
    Gateway gateway;
    auto card = gateway.card("1001");
    auto client = gateway.client();
    BOOST_TEST(codeOf(submitSigned(client, card, std::vector<std::uint8_t>(32, 0x42))) == card_check::kChallengeUnknown);
}

BOOST_AUTO_TEST_CASE(a_challenge_used_after_its_lifetime_is_refused) {
    Gateway gateway(1ms);
    auto card = gateway.card("1001");
    auto client = gateway.client();
    auto challenge = client.requestChallenge().value();
    std::this_thread::sleep_for(20ms);
    BOOST_TEST(codeOf(submitSigned(client, card, challenge)) == card_check::kChallengeExpired);
}

BOOST_AUTO_TEST_CASE(a_full_challenge_table_forgets_the_oldest_challenge_first) {
    Gateway gateway;
    const auto oldest = gateway.service->issueChallenge();
    const auto second = gateway.service->issueChallenge();
    for (std::size_t i = 2; i < CardCheckService::kMaxOutstandingChallenges + 1; ++i) gateway.service->issueChallenge();
    BOOST_TEST(codeOf(gateway.service->check({oldest, {}, {}})) == card_check::kChallengeUnknown);
    // the second oldest is still outstanding: it gets as far as the (missing) certificate
    BOOST_TEST(codeOf(gateway.service->check({second, {}, {}})) == card_check::kCertificateUnreadable);
}

BOOST_AUTO_TEST_CASE(eight_idle_connections_do_not_hold_up_a_real_request) {
    Gateway gateway;
    std::vector<Poco::Net::StreamSocket> idle;
    for (int i = 0; i < 8; ++i) idle.emplace_back(Poco::Net::SocketAddress("127.0.0.1", gateway.server->port()));
    auto card = gateway.card("1001");
    // well inside the server's idle deadline: answered only if the idle connections block nobody
    auto answer = gateway.client(1500ms).check(card);
    BOOST_TEST(codeOf(answer) == "ok");
}

BOOST_AUTO_TEST_CASE(a_connection_that_sends_nothing_is_closed_by_the_server) {
    Gateway gateway;
    Poco::Net::StreamSocket idle(Poco::Net::SocketAddress("127.0.0.1", gateway.server->port()));
    idle.setReceiveTimeout(Poco::Timespan(30, 0));
    char byte = 0;
    int received = -1;
    try {
        received = idle.receiveBytes(&byte, 1);
    } catch (const Poco::Exception&) {  // a reset counts as closed too
        received = 0;
    }
    BOOST_TEST(received == 0);  // end of stream: the server gave up on it
}

BOOST_AUTO_TEST_CASE(a_gateway_slower_than_the_client_timeout_is_a_timeout_problem) {
    Gateway gateway;
    auto card = gateway.card("1030");
    auto answer = gateway.client(200ms).check(card);
    BOOST_TEST(codeOf(answer) == "gateway.card_check.timeout");
}

BOOST_AUTO_TEST_CASE(no_gateway_listening_is_an_unreachable_problem) {
    int port = 0;
    {
        Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
        port = probe.address().port();
    }
    HttpCardCheckClient client("http://127.0.0.1:" + std::to_string(port), codes(), 2s);
    Gateway gateway;
    auto card = gateway.card("1001");
    BOOST_TEST(codeOf(client.check(card)) == "gateway.card_check.unreachable");
}

BOOST_AUTO_TEST_CASE(malformed_requests_and_other_paths_get_clear_http_errors) {
    Gateway gateway;
    auto post = [&](const std::string& path, const std::string& body, const std::string& method = "POST") {
        Poco::Net::HTTPClientSession session("127.0.0.1", gateway.server->port());
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::string reply((std::istreambuf_iterator<char>(session.receiveResponse(response))), {});
        return std::pair{static_cast<int>(response.getStatus()), reply};
    };
    auto [notJson, notJsonBody] = post(std::string(card_check::kVerifyPath), "{not json");
    BOOST_TEST(notJson == 400);
    BOOST_TEST(notJsonBody.find(card_check::kMalformedRequest) != std::string::npos);
    BOOST_TEST(post(std::string(card_check::kVerifyPath), R"({"challenge": "***"})").first == 400);
    BOOST_TEST(post(std::string(card_check::kVerifyPath), std::string(card_check::kMaxRequestBytes + 10, ' ')).first == 413);
    BOOST_TEST(post("/elsewhere", "{}").first == 404);
    BOOST_TEST(post(std::string(card_check::kChallengePath), "", "GET").first == 405);
}

BOOST_AUTO_TEST_SUITE_END()
