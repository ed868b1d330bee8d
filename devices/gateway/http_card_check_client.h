#pragma once
// The direct card check (ARCHITECTURE.md, "Direct reader"): asks the gateway for a challenge,
// has the card sign a message naming that gateway and the challenge, sends the signature with the
// auth certificate, checks the gateway's signature over the answer and reads the result XML. The
// card's PIN must have been verified before check().
//
// Over HTTPS only, with the gateway's certificate verified against one configured CA (pinned: the
// system's CAs are not trusted) and its host name checked. A plain http:// address is refused
// before any connection unless it is loopback and the client is in demo mode.
//
// The whole exchange has one deadline (the timeout given to the constructor, counted from the
// start of check()), and a stop request ends it at once: the open connection is shut down.
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "domain/eligibility.h"
#include "domain/outcome.h"
#include "domain/ports/card_reader.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

struct CardCheckAnswer {
    EligibilityResult result;
    std::string rawXml;
    std::optional<AuthCertificateInfo> certificate;  // as read from the card by check() (alert and grace)
};

struct CardCheckTrust {
    std::filesystem::path gatewayCa;  // PEM: the CA that issued the gateway's TLS certificate
    bool demoMode = false;            // allows http:// to a loopback address (the in-process simulator)
};

// A challenge as the client received it: the nonce and who it came from.
struct CardCheckChallenge {
    std::vector<std::uint8_t> nonce;  // exactly card_check::kChallengeBytes
    std::string gatewayIdentity;      // card_check::certificateIdentity of the TLS peer (or its address)
    std::vector<std::uint8_t> peerCertificateDer;  // empty over plain HTTP
    std::vector<std::uint8_t> messageToSign() const;
};

// The whole check as its users hold it: HttpCardCheckClient, made in the window by the card-check
// module (card_check_module.h).
class CardCheckClient {
public:
    virtual ~CardCheckClient() = default;
    virtual Outcome<CardCheckAnswer> check(CardReader& card, std::stop_token stop = {}) = 0;
};

class HttpCardCheckClient : public CardCheckClient {
public:
    // url: "https://HOST:PORT" — the card_check paths are appended.
    HttpCardCheckClient(std::string url, CodeTables codes, CardCheckTrust trust,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // The whole check. Problems: the card's own (PIN needed, card pulled…), the gateway's
    // refusals (code = the refusal code, e.g. "cardcheck.certificate_revoked"),
    // "gateway.card_check.insecure_address" (refused before any connection),
    // "gateway.card_check.untrusted_gateway" (TLS certificate, host name or answer signature),
    // "gateway.card_check.timeout", "gateway.card_check.unreachable", "gateway.card_check.bad_answer",
    // "gateway.card_check.stopped".
    Outcome<CardCheckAnswer> check(CardReader& card, std::stop_token stop = {}) override;

    // The two exchanges of check(), for callers that hold the signature themselves; each has the
    // whole timeout.
    Outcome<CardCheckChallenge> requestChallenge(std::stop_token stop = {});
    Outcome<CardCheckAnswer> submit(const CardCheckChallenge& challenge, const std::vector<std::uint8_t>& signature,
                                    const std::vector<std::uint8_t>& certificateDer, std::stop_token stop = {});

private:
    class Exchange;  // the deadline and the stop request of one check
    struct HttpReply {
        int status = 0;
        std::string contentType, body, answerSignature;
        std::vector<std::uint8_t> peerCertificateDer;
    };
    Outcome<CardCheckChallenge> requestChallenge(Exchange& exchange);
    Outcome<CardCheckAnswer> submit(const CardCheckChallenge& challenge, const std::vector<std::uint8_t>& signature,
                                    const std::vector<std::uint8_t>& certificateDer, Exchange& exchange);
    Outcome<HttpReply> post(std::string_view path, const std::string& jsonBody, Exchange& exchange);
    template <class Session>
    Outcome<HttpReply> send(Session& session, std::string_view path, const std::string& jsonBody, Exchange& exchange);
    static Problem problemFrom(std::exception_ptr error);  // a Poco exception in words

    std::string url_;
    CodeTables codes_;
    CardCheckTrust trust_;
    std::chrono::milliseconds timeout_;
    std::optional<Problem> addressRefused_;  // set by the constructor: no connection is ever made
    bool secure_ = false;
};

}  // namespace madoguchi::gateway
