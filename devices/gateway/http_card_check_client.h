#pragma once
// The direct card check (ARCHITECTURE.md, "Direct reader"): asks the gateway for a challenge,
// has the card sign it with its JPKI auth key, sends the signature with the auth certificate,
// and reads the result XML. The card's PIN must have been verified before check().
// The whole exchange has one deadline (the timeout given to the constructor, counted from the
// start of check()), and a stop request ends it at once: the open connection is shut down.
#include <chrono>
#include <cstdint>
#include <exception>
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

class HttpCardCheckClient {
public:
    // url: "http://127.0.0.1:PORT" (the simulator) — the card_check paths are appended.
    HttpCardCheckClient(std::string url, CodeTables codes, std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // The whole check. Problems: the card's own (PIN needed, card pulled…), the gateway's
    // refusals (code = the refusal code, e.g. "cardcheck.certificate_revoked"),
    // "gateway.card_check.timeout", "gateway.card_check.unreachable", "gateway.card_check.bad_answer",
    // "gateway.card_check.stopped".
    Outcome<CardCheckAnswer> check(CardReader& card, std::stop_token stop = {});

    // The two exchanges of check(), for callers that hold the signature themselves; each has the
    // whole timeout.
    Outcome<std::vector<std::uint8_t>> requestChallenge(std::stop_token stop = {});
    Outcome<CardCheckAnswer> submit(const std::vector<std::uint8_t>& challenge, const std::vector<std::uint8_t>& signature,
                                    const std::vector<std::uint8_t>& certificateDer, std::stop_token stop = {});

private:
    class Exchange;  // the deadline and the stop request of one check
    struct HttpReply {
        int status = 0;
        std::string contentType, body;
    };
    Outcome<std::vector<std::uint8_t>> requestChallenge(Exchange& exchange);
    Outcome<CardCheckAnswer> submit(const std::vector<std::uint8_t>& challenge, const std::vector<std::uint8_t>& signature,
                                    const std::vector<std::uint8_t>& certificateDer, Exchange& exchange);
    Outcome<HttpReply> post(std::string_view path, const std::string& jsonBody, Exchange& exchange);
    static Problem problemFrom(std::exception_ptr error);  // a Poco exception in words

    std::string url_;
    CodeTables codes_;
    std::chrono::milliseconds timeout_;
};

}  // namespace madoguchi::gateway
