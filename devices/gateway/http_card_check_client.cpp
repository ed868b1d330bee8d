#include "devices/gateway/http_card_check_client.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/X509Certificate.h>
#include <Poco/URI.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#ifdef _WIN32
#include <winsock2.h>
#define SHUT_RDWR SD_BOTH
#else
#include <sys/socket.h>
#endif

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <type_traits>

#include "devices/gateway/card_check_protocol.h"
#include "devices/gateway/result_xml.h"
#include "domain/certificate_rules.h"

namespace madoguchi::gateway {
namespace {

constexpr std::size_t kMaxReplyBytes = kMaxResultBytes;

Problem timedOut() {
    return {"gateway.card_check.timeout",
            N_("The gateway did not answer the card check in time. Place the card again, or confirm eligibility "
               "another way.")};
}

Problem stopped() {
    return {"gateway.card_check.stopped", N_("The card check was stopped before the gateway answered.")};
}

Problem unreachable() {
    return {"gateway.card_check.unreachable",
            N_("The gateway cannot be reached for the card check. Confirm eligibility another way and check the "
               "connection to the online-qualification terminal.")};
}

Problem insecureAddress() {
    return {"gateway.card_check.insecure_address",
            N_("The card check address must start with https:// (plain http:// is allowed only to this computer in "
               "demo mode). Correct the address in the settings.")};
}

Problem untrustedGateway() {
    return {"gateway.card_check.untrusted_gateway",
            N_("The gateway's identity could not be verified (certificate, host name or signed answer), so the card "
               "was not checked. Confirm eligibility another way and ask the administrator to check the settings.")};
}

Problem badAnswer() {
    return {"gateway.card_check.bad_answer",
            N_("The gateway's answer to the card check could not be read. Confirm eligibility another way.")};
}

// A refusal from the gateway, in words for the window; the code stays the gateway's.
Problem refusal(const std::string& code) {
    std::string message;
    if (code == card_check::kCertificateExpired)
        message = certificateAdvice(CertificateStanding::ExpiredBeyondGrace);
    else if (code == card_check::kCertificateRevoked)
        message = N_("The card's electronic certificate has been revoked: the card cannot be used for eligibility. "
                     "Confirm eligibility another way (資格確認書, マイナポータル).");
    else if (code == card_check::kChallengeExpired || code == card_check::kChallengeUnknown)
        message = N_("The card check took too long and was not accepted. Place the card again.");
    else if (code == card_check::kBadSignature || code == card_check::kCertificateUntrusted ||
             code == card_check::kCertificateWrongUse ||
             code == card_check::kCertificateUnreadable || code == card_check::kCertificateNotYetValid)
        message = N_("The gateway did not accept the card's certificate or signature. Place the card again; if it "
                     "keeps failing, confirm eligibility another way.");
    else
        message = N_("The gateway refused the card check. Confirm eligibility another way.");
    return {code.empty() ? "gateway.card_check.refused" : code, message};
}

Problem refusalFrom(const std::string& body) {
    try {
        auto json = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
        return refusal(json->optValue<std::string>("error", ""));
    } catch (const Poco::Exception&) {
        return refusal("");
    }
}

bool isLoopback(const std::string& host) {
    Poco::Net::IPAddress address;
    return host == "localhost" || (Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback());
}

// Trusts the configured CA only, checks the host name (or IP address) with OpenSSL itself, and
// speaks TLS 1.2 or later.
Poco::Net::Context::Ptr clientContext(const std::filesystem::path& gatewayCa, const std::string& host) {
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "",
                                                             gatewayCa.string(), Poco::Net::Context::VERIFY_STRICT, 9,
                                                             false, "HIGH:!aNULL:!MD5:!RC4");
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                              Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    X509_VERIFY_PARAM* param = SSL_CTX_get0_param(context->sslContext());
    Poco::Net::IPAddress address;
    const int named = Poco::Net::IPAddress::tryParse(host, address) ? X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str())
                                                                    : X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
    if (named != 1) throw Poco::Net::SSLContextException("cannot set the host name to verify");
    return context;
}

std::vector<std::uint8_t> derOf(const Poco::Net::X509Certificate& certificate) {
    unsigned char* der = nullptr;
    const int length = i2d_X509(const_cast<X509*>(certificate.certificate()), &der);
    std::vector<std::uint8_t> bytes;
    if (length > 0) bytes.assign(der, der + length);
    OPENSSL_free(der);
    return bytes;
}

// A session (plain or TLS) with its connect made public, so the exchange can watch the socket
// before the request goes out.
template <class Session>
class WatchableSession : public Session {
public:
    using Session::Session;
    void connectWithin(std::chrono::milliseconds limit) {
        this->setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(limit).count()));
        this->connect(Poco::Net::SocketAddress(this->getHost(), this->getPort()));
    }
};

// The gateway's signature over its answer, with the key of the TLS certificate it served.
bool answerSignedBy(const std::vector<std::uint8_t>& certificateDer, const std::vector<std::uint8_t>& nonce,
                    const std::string& resultXml, const std::string& signatureBase64) {
    auto signature = card_check::fromBase64(signatureBase64);
    if (!signature) return false;
    const unsigned char* cursor = certificateDer.data();
    std::unique_ptr<X509, decltype(&X509_free)> certificate(
        d2i_X509(nullptr, &cursor, static_cast<long>(certificateDer.size())), X509_free);
    EVP_PKEY* key = certificate ? X509_get0_pubkey(certificate.get()) : nullptr;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const auto message = card_check::answerMessage(nonce, resultXml);
    return key && context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
           EVP_DigestVerify(context.get(), signature->data(), signature->size(), message.data(), message.size()) == 1;
}

}  // namespace

// One check's deadline and stop request. A watchdog thread waits for whichever comes first and
// then shuts the open connection down, so a blocked send or receive returns at once; the
// connect itself is bounded by the time left.
class HttpCardCheckClient::Exchange {
public:
    enum class End { None, Stopped, TimedOut };

    Exchange(std::chrono::milliseconds timeout, std::stop_token stop)
        : deadline_(std::chrono::steady_clock::now() + timeout),
          onStop_(std::move(stop), [this] { end(End::Stopped); }),
          watchdog_([this](std::stop_token finished) { watch(finished); }) {}

    End ended() const {
        std::lock_guard lock(mutex_);
        return ended_;
    }
    std::chrono::milliseconds left() const {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
        return std::max(left, std::chrono::milliseconds(1));
    }
    // The connection to shut down when the exchange ends (-1: none open).
    void watchSocket(int fd) {
        std::lock_guard lock(mutex_);
        socket_ = fd;
        if (ended_ != End::None && socket_ >= 0) ::shutdown(socket_, SHUT_RDWR);
    }
    Problem problem() const { return ended() == End::Stopped ? stopped() : timedOut(); }

private:
    void end(End why) {
        std::lock_guard lock(mutex_);
        if (ended_ != End::None) return;
        ended_ = why;
        if (socket_ >= 0) ::shutdown(socket_, SHUT_RDWR);
        wake_.notify_all();
    }
    void watch(std::stop_token finished) {
        std::unique_lock lock(mutex_);
        if (wake_.wait_until(lock, finished, deadline_, [this] { return ended_ != End::None; })) return;
        if (finished.stop_requested()) return;
        lock.unlock();
        end(End::TimedOut);
    }

    const std::chrono::steady_clock::time_point deadline_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    End ended_ = End::None;
    int socket_ = -1;
    std::stop_callback<std::function<void()>> onStop_;
    std::jthread watchdog_;  // last: stopped and joined first
};

std::vector<std::uint8_t> CardCheckChallenge::messageToSign() const {
    return card_check::signedMessage(gatewayIdentity, nonce);
}

HttpCardCheckClient::HttpCardCheckClient(std::string url, CodeTables codes, CardCheckTrust trust,
                                         std::chrono::milliseconds timeout)
    : url_(std::move(url)), codes_(std::move(codes)), trust_(std::move(trust)), timeout_(timeout) {
    try {
        const Poco::URI uri(url_);
        secure_ = uri.getScheme() == "https";
        const bool plainAllowed = uri.getScheme() == "http" && trust_.demoMode && isLoopback(uri.getHost());
        if ((!secure_ && !plainAllowed) || uri.getHost().empty()) addressRefused_ = insecureAddress();
        else if (secure_ && trust_.gatewayCa.empty()) addressRefused_ = untrustedGateway();
    } catch (const Poco::Exception&) {
        addressRefused_ = insecureAddress();
    }
}

Outcome<HttpCardCheckClient::HttpReply> HttpCardCheckClient::post(std::string_view path, const std::string& jsonBody,
                                                                 Exchange& exchange) {
    if (addressRefused_) return *addressRefused_;
    if (exchange.ended() != Exchange::End::None) return exchange.problem();
    try {
        const Poco::URI uri(url_);
        if (!secure_) {
            WatchableSession<Poco::Net::HTTPClientSession> session(uri.getHost(), uri.getPort());
            return send(session, path, jsonBody, exchange);
        }
        WatchableSession<Poco::Net::HTTPSClientSession> session(uri.getHost(), uri.getPort(),
                                                                clientContext(trust_.gatewayCa, uri.getHost()));
        return send(session, path, jsonBody, exchange);
    } catch (const Poco::Exception&) {
        if (exchange.ended() != Exchange::End::None) return exchange.problem();
        return problemFrom(std::current_exception());
    }
}

template <class Session>
Outcome<HttpCardCheckClient::HttpReply> HttpCardCheckClient::send(Session& session, std::string_view path,
                                                                 const std::string& jsonBody, Exchange& exchange) {
    struct Unwatch {
        Exchange& exchange;
        ~Unwatch() { exchange.watchSocket(-1); }  // before the session closes the socket
    };
    session.connectWithin(exchange.left());
    Unwatch unwatch{exchange};
    exchange.watchSocket(session.socket().impl()->sockfd());
    session.setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(exchange.left()).count()));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, std::string(path), Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(jsonBody.size()));
    session.sendRequest(request) << jsonBody;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpReply reply{static_cast<int>(response.getStatus()), response.getContentType(), {},
                    response.get(std::string(card_check::kAnswerSignatureHeader), ""), {}};
    if constexpr (std::is_base_of_v<Poco::Net::HTTPSClientSession, Session>)
        reply.peerCertificateDer = derOf(session.serverCertificate());
    reply.body.resize(kMaxReplyBytes + 1);
    in.read(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
    reply.body.resize(static_cast<std::size_t>(in.gcount()));
    if (reply.body.size() > kMaxReplyBytes) return badAnswer();
    if (exchange.ended() != Exchange::End::None) return exchange.problem();
    return reply;
}

Problem HttpCardCheckClient::problemFrom(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const Poco::TimeoutException&) {
        return timedOut();
    } catch (const Poco::Net::SSLException&) {  // the certificate, its chain to the pinned CA, the host name
        return untrustedGateway();
    } catch (const Poco::IOException&) {  // refused, reset, no route (Poco::Net::NetException and kin)
        return unreachable();
    } catch (...) {
        return badAnswer();
    }
}

Outcome<CardCheckChallenge> HttpCardCheckClient::requestChallenge(std::stop_token stop) {
    Exchange exchange(timeout_, std::move(stop));
    return requestChallenge(exchange);
}

Outcome<CardCheckAnswer> HttpCardCheckClient::submit(const CardCheckChallenge& challenge,
                                                     const std::vector<std::uint8_t>& signature,
                                                     const std::vector<std::uint8_t>& certificateDer, std::stop_token stop) {
    Exchange exchange(timeout_, std::move(stop));
    return submit(challenge, signature, certificateDer, exchange);
}

Outcome<CardCheckChallenge> HttpCardCheckClient::requestChallenge(Exchange& exchange) {
    auto reply = post(card_check::kChallengePath, "{}", exchange);
    if (!reply) return reply.problem();
    if (reply.value().status != 200) return refusalFrom(reply.value().body);
    try {
        auto json = Poco::JSON::Parser().parse(reply.value().body).extract<Poco::JSON::Object::Ptr>();
        auto nonce = card_check::fromBase64(json->optValue<std::string>("challenge", ""));
        // Exactly the nonce the protocol defines: a longer or shorter "challenge" is not signed.
        if (!nonce || nonce->size() != card_check::kChallengeBytes) return badAnswer();
        CardCheckChallenge challenge;
        challenge.nonce = std::move(*nonce);
        challenge.peerCertificateDer = std::move(reply.value().peerCertificateDer);
        challenge.gatewayIdentity = secure_ ? card_check::certificateIdentity(challenge.peerCertificateDer)
                                            : card_check::plainLoopbackIdentity(Poco::URI(url_).getPort());
        return challenge;
    } catch (const Poco::Exception&) {
        return badAnswer();
    }
}

Outcome<CardCheckAnswer> HttpCardCheckClient::submit(const CardCheckChallenge& challenge,
                                                     const std::vector<std::uint8_t>& signature,
                                                     const std::vector<std::uint8_t>& certificateDer, Exchange& exchange) {
    Poco::JSON::Object json;
    json.set("challenge", card_check::toBase64(challenge.nonce));
    json.set("signature", card_check::toBase64(signature));
    json.set("certificate", card_check::toBase64(certificateDer));
    std::ostringstream body;
    json.stringify(body);
    auto reply = post(card_check::kVerifyPath, body.str(), exchange);
    if (!reply) return reply.problem();
    if (reply.value().status != 200) return refusalFrom(reply.value().body);
    if (secure_ && (reply.value().peerCertificateDer != challenge.peerCertificateDer ||
                    !answerSignedBy(reply.value().peerCertificateDer, challenge.nonce, reply.value().body,
                                    reply.value().answerSignature)))
        return untrustedGateway();  // another server than the one the card signed for, or an unsigned answer
    auto result = parseResultXml(reply.value().body, codes_);
    if (!result) return badAnswer();
    return CardCheckAnswer{std::move(result).value(), std::move(reply).value().body, std::nullopt};
}

Outcome<CardCheckAnswer> HttpCardCheckClient::check(CardReader& card, std::stop_token stop) {
    if (addressRefused_) return *addressRefused_;
    auto certificate = card.readAuthCertificate();  // before the challenge: the long read is off its clock
    if (!certificate) return certificate.problem();
    Exchange exchange(timeout_, std::move(stop));
    auto challenge = requestChallenge(exchange);
    if (!challenge) return challenge.problem();
    auto signature = card.signWithAuthKey(challenge.value().messageToSign());
    if (!signature) return signature.problem();
    if (exchange.ended() != Exchange::End::None) return exchange.problem();
    auto answer = submit(challenge.value(), signature.value(), certificate.value().der, exchange);
    if (!answer) return answer.problem();
    CardCheckAnswer checked = std::move(answer).value();
    checked.certificate = std::move(certificate).value();
    return checked;
}

}  // namespace madoguchi::gateway
