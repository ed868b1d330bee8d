#include "devices/gateway/http_card_check_client.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sys/socket.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

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

// The session with its connect made public, so the exchange can watch the socket before the
// request goes out.
class WatchableSession : public Poco::Net::HTTPClientSession {
public:
    using HTTPClientSession::HTTPClientSession;
    void connectWithin(std::chrono::milliseconds limit) {
        setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(limit).count()));
        connect(Poco::Net::SocketAddress(getHost(), getPort()));
    }
};

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

HttpCardCheckClient::HttpCardCheckClient(std::string url, CodeTables codes, std::chrono::milliseconds timeout)
    : url_(std::move(url)), codes_(std::move(codes)), timeout_(timeout) {}

Outcome<HttpCardCheckClient::HttpReply> HttpCardCheckClient::post(std::string_view path, const std::string& jsonBody,
                                                                 Exchange& exchange) {
    if (exchange.ended() != Exchange::End::None) return exchange.problem();
    struct Unwatch {
        Exchange& exchange;
        ~Unwatch() { exchange.watchSocket(-1); }  // before the session closes the socket
    };
    try {
        const Poco::URI uri(url_);
        WatchableSession session(uri.getHost(), uri.getPort());
        session.connectWithin(exchange.left());
        Unwatch unwatch{exchange};
        exchange.watchSocket(session.socket().impl()->sockfd());
        session.setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(exchange.left()).count()));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, std::string(path),
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(jsonBody.size()));
        session.sendRequest(request) << jsonBody;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        HttpReply reply{static_cast<int>(response.getStatus()), response.getContentType(), {}};
        reply.body.resize(kMaxReplyBytes + 1);
        in.read(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
        reply.body.resize(static_cast<std::size_t>(in.gcount()));
        if (reply.body.size() > kMaxReplyBytes) return badAnswer();
        if (exchange.ended() != Exchange::End::None) return exchange.problem();
        return reply;
    } catch (const Poco::Exception&) {
        if (exchange.ended() != Exchange::End::None) return exchange.problem();
        return problemFrom(std::current_exception());
    }
}

Problem HttpCardCheckClient::problemFrom(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const Poco::TimeoutException&) {
        return timedOut();
    } catch (const Poco::IOException&) {  // refused, reset, no route (Poco::Net::NetException and kin)
        return unreachable();
    } catch (...) {
        return badAnswer();
    }
}

Outcome<std::vector<std::uint8_t>> HttpCardCheckClient::requestChallenge(std::stop_token stop) {
    Exchange exchange(timeout_, std::move(stop));
    return requestChallenge(exchange);
}

Outcome<CardCheckAnswer> HttpCardCheckClient::submit(const std::vector<std::uint8_t>& challenge,
                                                     const std::vector<std::uint8_t>& signature,
                                                     const std::vector<std::uint8_t>& certificateDer, std::stop_token stop) {
    Exchange exchange(timeout_, std::move(stop));
    return submit(challenge, signature, certificateDer, exchange);
}

Outcome<std::vector<std::uint8_t>> HttpCardCheckClient::requestChallenge(Exchange& exchange) {
    auto reply = post(card_check::kChallengePath, "{}", exchange);
    if (!reply) return reply.problem();
    if (reply.value().status != 200) return refusalFrom(reply.value().body);
    try {
        auto json = Poco::JSON::Parser().parse(reply.value().body).extract<Poco::JSON::Object::Ptr>();
        auto challenge = card_check::fromBase64(json->optValue<std::string>("challenge", ""));
        if (!challenge) return badAnswer();
        return std::move(*challenge);
    } catch (const Poco::Exception&) {
        return badAnswer();
    }
}

Outcome<CardCheckAnswer> HttpCardCheckClient::submit(const std::vector<std::uint8_t>& challenge,
                                                     const std::vector<std::uint8_t>& signature,
                                                     const std::vector<std::uint8_t>& certificateDer, Exchange& exchange) {
    Poco::JSON::Object json;
    json.set("challenge", card_check::toBase64(challenge));
    json.set("signature", card_check::toBase64(signature));
    json.set("certificate", card_check::toBase64(certificateDer));
    std::ostringstream body;
    json.stringify(body);
    auto reply = post(card_check::kVerifyPath, body.str(), exchange);
    if (!reply) return reply.problem();
    if (reply.value().status != 200) return refusalFrom(reply.value().body);
    auto result = parseResultXml(reply.value().body, codes_);
    if (!result) return badAnswer();
    return CardCheckAnswer{std::move(result).value(), std::move(reply).value().body, std::nullopt};
}

Outcome<CardCheckAnswer> HttpCardCheckClient::check(CardReader& card, std::stop_token stop) {
    Exchange exchange(timeout_, std::move(stop));
    auto certificate = card.readAuthCertificate();  // before the challenge: the long read is off its clock
    if (!certificate) return certificate.problem();
    auto challenge = requestChallenge(exchange);
    if (!challenge) return challenge.problem();
    auto signature = card.signWithAuthKey(challenge.value());
    if (!signature) return signature.problem();
    if (exchange.ended() != Exchange::End::None) return exchange.problem();
    auto answer = submit(challenge.value(), signature.value(), certificate.value().der, exchange);
    if (!answer) return answer.problem();
    CardCheckAnswer checked = std::move(answer).value();
    checked.certificate = std::move(certificate).value();
    return checked;
}

}  // namespace madoguchi::gateway
