// The direct card check over HTTPS: the simulator's endpoint on loopback and HttpCardCheckClient,
// with an in-process CA (cards and the gateway's TLS certificate) and software card (the real
// card path is in tests/pcsc).
#include <unistd.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <boost/test/unit_test.hpp>

#include "code_tables.h"

#include "fixed_clock.h"
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "app/resources.h"
#include "devices/gateway/card_check_http_server.h"
#include "devices/gateway/card_check_protocol.h"
#include "devices/gateway/http_card_check_client.h"
#include "devices/x509/certificate_time.h"
#include "test_pki.h"

using namespace madoguchi;
using namespace madoguchi::gateway;
using madoguchi::test::SoftwareCard;
using madoguchi::test::TestCa;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const LocalDateTime kNow = *LocalDateTime::parseIso("2026-11-25T09:30:00");

const CodeTables& codes() { return test::codeTables(); }

const char* kDataset = R"({"medical_institution_code": "1312345678", 
 "revoked_certificates": [{"issuer": "CN=Test JPKI Auth CA", "serial": "1023"}], "people": [
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

// Another CA the gateway trusts (JPKI has had several issuing CAs): its serials are its own.
const TestCa& secondCa() {
    static const TestCa ca{"Second JPKI Auth CA"};
    return ca;
}

const madoguchi::test::IssuedCard& issuedCard(const std::string& serial, const Date& notAfter) {
    static std::map<std::pair<std::string, std::string>, madoguchi::test::IssuedCard> cards;
    auto key = std::pair{serial, notAfter.iso()};
    if (!cards.count(key)) cards.emplace(key, sharedCa().issue(serial, notAfter));
    return cards.at(key);
}

// The simulator's card-check endpoint on a free loopback port over HTTPS, trusting a CA made for
// this test, which also issued its TLS certificate (for `serverName`). Plain HTTP when !tls.
struct Gateway {
    explicit Gateway(std::chrono::milliseconds lifetime = 30s, const std::string& serverName = "IP:127.0.0.1",
                     bool tls = true) {
        fs::create_directories(dir);
        ca.writeCertificatePem(dir / "ca.pem");
        secondCa().writeCertificatePem(dir / "second-ca.pem");
        std::ofstream(dir / "ca.pem", std::ios::app) << std::ifstream(dir / "second-ca.pem").rdbuf();
        ca.issueServer(serverName, dir / "server.pem", dir / "server.key");
        service = std::make_unique<CardCheckService>(dataset, codes(), CardCertificateVerifier::fromPemFile(dir / "ca.pem").value(),
                                                     clock, lifetime);
        server = CardCheckHttpServer::start(*service, 0, tls ? std::optional(ServerTls{dir / "server.pem", dir / "server.key"})
                                                             : std::nullopt)
                     .value();
    }
    ~Gateway() {
        server.reset();
        fs::remove_all(dir);
    }
    std::string url() const { return server->url(); }
    HttpCardCheckClient client(std::chrono::milliseconds timeout = 5s) const {
        return {url(), codes(), CardCheckTrust{dir / "ca.pem", false}, timeout};
    }
    SoftwareCard card(const std::string& serial, const Date& notAfter = kFar) const {
        return SoftwareCard(issuedCard(serial, notAfter));
    }

    fs::path dir = fs::temp_directory_path() / ("madoguchi-cardcheck-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(counter++));
    const TestCa& ca = sharedCa();
    test::FixedClock clock{kNow};
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
Outcome<CardCheckAnswer> submitSigned(HttpCardCheckClient& client, SoftwareCard& card, const CardCheckChallenge& challenge) {
    auto signature = card.signWithAuthKey(challenge.messageToSign());
    return client.submit(challenge, signature.value(), card.readAuthCertificate().value().der);
}

// A CardReader that counts what it is asked to sign (a card that must not be asked at all).
class CountingCard final : public CardReader {
public:
    explicit CountingCard(SoftwareCard& card) : card_(card) {}
    Outcome<AuthCertificateInfo> readAuthCertificate() override { return card_.readAuthCertificate(); }
    Outcome<int> pinTriesLeft() override { return card_.pinTriesLeft(); }
    Outcome<PinVerification> verifyPin(SecretBuffer& pin) override { return card_.verifyPin(pin); }
    Outcome<std::vector<std::uint8_t>> signWithAuthKey(const std::vector<std::uint8_t>& message) override {
        ++signatures;
        return card_.signWithAuthKey(message);
    }
    int signatures = 0;

private:
    SoftwareCard& card_;
};

// A gateway that is not the simulator: HTTPS with the test gateway's certificate, a challenge of
// `challengeBytes` bytes and a fixed answer with a fixed answer signature.
struct FakeGateway {
    FakeGateway(const Gateway& real, std::size_t challengeBytes, std::string answerXml, std::string answerSignature) {
        Poco::Net::initializeSSL();
        Poco::Net::Context::Ptr context = new Poco::Net::Context(
            Poco::Net::Context::TLS_SERVER_USE, (real.dir / "server.key").string(), (real.dir / "server.pem").string(), "",
            Poco::Net::Context::VERIFY_NONE);
        Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context);
        port = socket.address().port();
        server = std::make_unique<Poco::Net::HTTPServer>(
            new Handlers(challengeBytes, std::move(answerXml), std::move(answerSignature)), socket,
            new Poco::Net::HTTPServerParams);
        server->start();
    }
    ~FakeGateway() { server->stopAll(true); }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port); }

    struct Handlers : Poco::Net::HTTPRequestHandlerFactory {
        Handlers(std::size_t bytes, std::string xml, std::string signature)
            : bytes(bytes), xml(std::move(xml)), signature(std::move(signature)) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
            return new Reply(*this);
        }
        std::size_t bytes;
        std::string xml, signature;
    };
    struct Reply : Poco::Net::HTTPRequestHandler {
        explicit Reply(const Handlers& with) : with(with) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
            request.stream().ignore(card_check::kMaxRequestBytes);
            if (request.getURI() == card_check::kChallengePath) {
                response.setContentType("application/json");
                response.send() << R"({"challenge": ")" << card_check::toBase64(std::vector<std::uint8_t>(with.bytes, 0x42))
                                << R"(", "expires_in_ms": 30000})";
                return;
            }
            response.set(std::string(card_check::kAnswerSignatureHeader), with.signature);
            response.setContentType("application/xml; charset=utf-8");
            response.send() << with.xml;
        }
        const Handlers& with;
    };
    std::uint16_t port = 0;
    std::unique_ptr<Poco::Net::HTTPServer> server;
};

}  // namespace

// Certificate times past 2038 (the test CA's, a card's validity): on Windows a long is 32 bits.
BOOST_AUTO_TEST_SUITE(CertificateTime)

BOOST_AUTO_TEST_CASE(a_jst_time_after_2038_is_the_right_epoch_second_and_its_date_reads_back) {
    const LocalDateTime lastSecond{*Date::parseIso("2045-12-31"), 23, 59, 59};
    BOOST_TEST(x509::epochSecondsOfJst(lastSecond) == std::time_t{2398345199});  // 2045-12-31T14:59:59Z
    std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> time(ASN1_TIME_set(nullptr, x509::epochSecondsOfJst(lastSecond)),
                                                               ASN1_TIME_free);
    BOOST_REQUIRE(time);
    BOOST_TEST(x509::jstDate(time.get())->iso() == "2045-12-31");
}

BOOST_AUTO_TEST_SUITE_END()

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
    other.nonce.front() ^= 0x01;
    const auto signature = card.signWithAuthKey(other.messageToSign()).value();
    auto answer = client.submit(challenge.value(), signature, card.readAuthCertificate().value().der);
    BOOST_TEST(codeOf(answer) == card_check::kBadSignature);
}

BOOST_AUTO_TEST_CASE(a_signature_by_another_key_than_the_certificate_is_refused) {
    Gateway gateway;
    auto card = gateway.card("1001");
    SoftwareCard impostor(gateway.ca.issue("1001", kFar));  // same serial and CA, different key
    auto client = gateway.client();
    auto challenge = client.requestChallenge().value();
    auto answer = client.submit(challenge, impostor.signWithAuthKey(challenge.messageToSign()).value(),
                                card.readAuthCertificate().value().der);
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

BOOST_AUTO_TEST_CASE(revocation_is_by_issuer_and_serial) {
    Gateway gateway;
    SoftwareCard sameSerialOtherIssuer(secondCa().issue("1023", kFar));  // a different certificate
    auto answer = gateway.client().check(sameSerialOtherIssuer);
    BOOST_REQUIRE_MESSAGE(answer, codeOf(answer));
    BOOST_TEST(answer.value().result.results.front().name == "失効　証明");
    auto revoked = gateway.card("1023");
    BOOST_TEST(codeOf(gateway.client().check(revoked)) == card_check::kCertificateRevoked);
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
    auto issued = client.requestChallenge().value();
    issued.nonce.assign(32, 0x42);
    BOOST_TEST(codeOf(submitSigned(client, card, issued)) == card_check::kChallengeUnknown);
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
    BOOST_TEST(codeOf(gateway.service->check({oldest, {}, {}}, gateway.server->identity())) == card_check::kChallengeUnknown);
    // the second oldest is still outstanding: it gets as far as the (missing) certificate
    BOOST_TEST(codeOf(gateway.service->check({second, {}, {}}, gateway.server->identity())) ==
               card_check::kCertificateUnreadable);
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
    Gateway gateway;
    HttpCardCheckClient client("https://127.0.0.1:" + std::to_string(port), codes(),
                               CardCheckTrust{gateway.dir / "ca.pem", false}, 2s);
    auto card = gateway.card("1001");
    BOOST_TEST(codeOf(client.check(card)) == "gateway.card_check.unreachable");
}

BOOST_AUTO_TEST_CASE(malformed_requests_and_other_paths_get_clear_http_errors) {
    Gateway gateway;
    auto post = [&](const std::string& path, const std::string& body, const std::string& method = "POST") {
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "",
                                                                 (gateway.dir / "ca.pem").string(),
                                                                 Poco::Net::Context::VERIFY_RELAXED);
        Poco::Net::HTTPSClientSession session("127.0.0.1", gateway.server->port(), context);
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

// ---- TLS: the gateway is who the pinned CA says it is ------------------------------------------

BOOST_AUTO_TEST_CASE(a_gateway_whose_certificate_is_not_from_the_pinned_ca_is_not_trusted) {
    Gateway gateway;
    TestCa other{"Some Other CA"};
    other.writeCertificatePem(gateway.dir / "other-ca.pem");
    auto card = gateway.card("1001");
    CountingCard counting(card);
    HttpCardCheckClient client(gateway.url(), codes(), CardCheckTrust{gateway.dir / "other-ca.pem", false}, 5s);
    BOOST_TEST(codeOf(client.check(counting)) == "gateway.card_check.untrusted_gateway");
    BOOST_TEST(counting.signatures == 0);
}

BOOST_AUTO_TEST_CASE(a_gateway_certificate_for_another_host_name_is_not_trusted) {
    Gateway gateway(30s, "DNS:gateway.example");
    auto card = gateway.card("1001");
    CountingCard counting(card);
    BOOST_TEST(codeOf(gateway.client().check(counting)) == "gateway.card_check.untrusted_gateway");
    BOOST_TEST(counting.signatures == 0);
}

BOOST_AUTO_TEST_CASE(an_https_address_never_falls_back_to_plain_http) {
    Gateway plain(30s, "IP:127.0.0.1", false);  // the same endpoint without TLS
    auto card = plain.card("1001");
    CountingCard counting(card);
    HttpCardCheckClient client("https://127.0.0.1:" + std::to_string(plain.server->port()), codes(),
                               CardCheckTrust{plain.dir / "ca.pem", false}, 5s);
    BOOST_TEST(codeOf(client.check(counting)) != "ok");  // a TLS failure, never a plain-HTTP answer
    BOOST_TEST(counting.signatures == 0);
}

BOOST_AUTO_TEST_CASE(plain_http_is_refused_before_any_connection_unless_loopback_in_demo_mode) {
    Poco::Net::ServerSocket listener(Poco::Net::SocketAddress("127.0.0.1", 0));
    const std::string loopback = "http://127.0.0.1:" + std::to_string(listener.address().port());
    Gateway gateway;
    auto card = gateway.card("1001");
    for (const auto& [url, demo] : {std::pair{loopback, false}, std::pair{std::string("http://192.0.2.10:8080"), true},
                                    std::pair{std::string("ftp://127.0.0.1:21"), true}}) {
        CountingCard counting(card);
        HttpCardCheckClient client(url, codes(), CardCheckTrust{gateway.dir / "ca.pem", demo}, 5s);
        BOOST_TEST(codeOf(client.check(counting)) == "gateway.card_check.insecure_address", url);
        BOOST_TEST(counting.signatures == 0);
    }
    BOOST_TEST(!listener.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ));  // nobody knocked
    Gateway plain(30s, "IP:127.0.0.1", false);
    HttpCardCheckClient demo(plain.url(), codes(), CardCheckTrust{{}, true}, 5s);
    BOOST_TEST(codeOf(demo.check(card)) == "ok");
}

// ---- What the card signs, and what the client believes ----------------------------------------

BOOST_AUTO_TEST_CASE(the_bare_challenge_signed_as_given_is_refused) {
    Gateway gateway;
    auto card = gateway.card("1001");
    auto client = gateway.client();
    auto challenge = client.requestChallenge().value();
    BOOST_REQUIRE_EQUAL(challenge.nonce.size(), card_check::kChallengeBytes);
    auto answer = client.submit(challenge, card.signWithAuthKey(challenge.nonce).value(), card.readAuthCertificate().value().der);
    BOOST_TEST(codeOf(answer) == card_check::kBadSignature);
}

BOOST_AUTO_TEST_CASE(a_signature_made_for_another_gateway_is_refused) {
    Gateway gateway;
    auto card = gateway.card("1001");
    auto client = gateway.client();
    auto challenge = client.requestChallenge().value();
    BOOST_TEST(challenge.gatewayIdentity == gateway.server->identity());
    CardCheckChallenge relayed = challenge;  // as a man in the middle would have the card sign it
    relayed.gatewayIdentity = card_check::certificateIdentity({1, 2, 3});
    auto answer = client.submit(challenge, card.signWithAuthKey(relayed.messageToSign()).value(),
                                card.readAuthCertificate().value().der);
    BOOST_TEST(codeOf(answer) == card_check::kBadSignature);
}

BOOST_AUTO_TEST_CASE(a_challenge_of_another_length_is_never_signed) {
    Gateway gateway;
    auto card = gateway.card("1001");
    for (std::size_t bytes : {16u, 33u, 64u}) {
        FakeGateway fake(gateway, bytes, "", "");
        CountingCard counting(card);
        HttpCardCheckClient client(fake.url(), codes(), CardCheckTrust{gateway.dir / "ca.pem", false}, 5s);
        BOOST_TEST(codeOf(client.check(counting)) == "gateway.card_check.bad_answer");
        BOOST_TEST(counting.signatures == 0);
    }
}

BOOST_AUTO_TEST_CASE(an_answer_without_the_gateways_signature_is_not_used) {
    Gateway gateway;
    auto card = gateway.card("1001");
    auto genuine = gateway.client().check(card);
    BOOST_REQUIRE_MESSAGE(genuine, codeOf(genuine));
    for (const std::string& signature : {std::string(), card_check::toBase64(std::vector<std::uint8_t>(256, 0))}) {
        FakeGateway fake(gateway, card_check::kChallengeBytes, genuine.value().rawXml, signature);
        HttpCardCheckClient client(fake.url(), codes(), CardCheckTrust{gateway.dir / "ca.pem", false}, 5s);
        BOOST_TEST(codeOf(client.check(card)) == "gateway.card_check.untrusted_gateway");
    }
}

BOOST_AUTO_TEST_CASE(a_certificate_not_meant_for_authentication_is_refused) {
    Gateway gateway;
    const std::vector<std::pair<std::string, madoguchi::test::IssuedCard>> cases{
        {"keyUsage without digitalSignature", gateway.ca.issue("1001", kFar, "critical,keyEncipherment")},
        {"no keyUsage", gateway.ca.issue("1001", kFar, "")},
        {"another policy", gateway.ca.issue("1001", kFar, "critical,digitalSignature", "1.2.392.200149.8.5.1.1.10")},
        {"no policy", gateway.ca.issue("1001", kFar, "critical,digitalSignature", "")},
        {"server-only extended key usage",
         gateway.ca.issue("1001", kFar, "critical,digitalSignature", kJpkiAuthCertificatePolicy, "serverAuth")},
    };
    for (const auto& [what, issued] : cases) {
        SoftwareCard card(issued);
        BOOST_TEST(codeOf(gateway.client().check(card)) == card_check::kCertificateWrongUse, what);
    }
    SoftwareCard clientAuth(gateway.ca.issue("1001", kFar, "critical,digitalSignature", kJpkiAuthCertificatePolicy,
                                             "clientAuth"));
    BOOST_TEST(codeOf(gateway.client().check(clientAuth)) == "ok");
}

BOOST_AUTO_TEST_SUITE_END()
