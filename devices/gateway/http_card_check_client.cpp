#include "devices/gateway/http_card_check_client.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>

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

}  // namespace

HttpCardCheckClient::HttpCardCheckClient(std::string url, CodeTables codes, std::chrono::milliseconds timeout)
    : url_(std::move(url)), codes_(std::move(codes)), timeout_(timeout) {}

Outcome<HttpCardCheckClient::HttpReply> HttpCardCheckClient::post(std::string_view path, const std::string& jsonBody) {
    try {
        const Poco::URI uri(url_);
        Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
        session.setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(timeout_).count()));
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
        return reply;
    } catch (const Poco::TimeoutException&) {
        return timedOut();
    } catch (const Poco::IOException&) {  // refused, reset, no route (Poco::Net::NetException and kin)
        return unreachable();
    } catch (const Poco::Exception&) {
        return badAnswer();
    }
}

Outcome<std::vector<std::uint8_t>> HttpCardCheckClient::requestChallenge() {
    auto reply = post(card_check::kChallengePath, "{}");
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
                                                     const std::vector<std::uint8_t>& certificateDer) {
    Poco::JSON::Object json;
    json.set("challenge", card_check::toBase64(challenge));
    json.set("signature", card_check::toBase64(signature));
    json.set("certificate", card_check::toBase64(certificateDer));
    std::ostringstream body;
    json.stringify(body);
    auto reply = post(card_check::kVerifyPath, body.str());
    if (!reply) return reply.problem();
    if (reply.value().status != 200) return refusalFrom(reply.value().body);
    auto result = parseResultXml(reply.value().body, codes_);
    if (!result) return badAnswer();
    return CardCheckAnswer{std::move(result).value(), std::move(reply).value().body, std::nullopt};
}

Outcome<CardCheckAnswer> HttpCardCheckClient::check(CardReader& card) {
    auto certificate = card.readAuthCertificate();  // before the challenge: the long read is off its clock
    if (!certificate) return certificate.problem();
    auto challenge = requestChallenge();
    if (!challenge) return challenge.problem();
    auto signature = card.signWithAuthKey(challenge.value());
    if (!signature) return signature.problem();
    auto answer = submit(challenge.value(), signature.value(), certificate.value().der);
    if (!answer) return answer.problem();
    CardCheckAnswer checked = std::move(answer).value();
    checked.certificate = std::move(certificate).value();
    return checked;
}

}  // namespace madoguchi::gateway
