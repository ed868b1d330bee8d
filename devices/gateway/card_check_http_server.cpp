#include "devices/gateway/card_check_http_server.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <sstream>
#include <thread>

#include "devices/gateway/card_check_protocol.h"

namespace madoguchi::gateway {
namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void sendJson(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const Poco::JSON::Object& json) {
    std::ostringstream body;
    json.stringify(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(static_cast<std::streamsize>(body.str().size()));
    response.send() << body.str();
}

void sendRefusal(HTTPServerResponse& response, HTTPResponse::HTTPStatus status, const Problem& problem) {
    Poco::JSON::Object json;
    json.set("error", problem.code);
    json.set("message", problem.message);
    sendJson(response, status, json);
}

// A connection that sends nothing (or too slowly) is dropped after kIdleDeadline without a byte;
// enough threads that a handful of idle connections cannot starve a real request (docs/gateway.md).
constexpr int kConnectionThreads = 32;
constexpr int kQueuedConnections = 64;
const Poco::Timespan kIdleDeadline(2, 0);

Problem malformed(const std::string& why) { return {std::string(card_check::kMalformedRequest), why}; }

// The body, or nullopt when it is larger than the protocol allows. An oversized body is drained
// (up to 1 MiB) so that the client reads the refusal rather than a reset connection.
std::optional<std::string> readBody(HTTPServerRequest& request) {
    std::string body(card_check::kMaxRequestBytes + 1, '\0');
    request.stream().read(body.data(), static_cast<std::streamsize>(body.size()));
    body.resize(static_cast<std::size_t>(request.stream().gcount()));
    if (body.size() <= card_check::kMaxRequestBytes) return body;
    request.stream().ignore(1024 * 1024);
    return std::nullopt;
}

class ChallengeHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ChallengeHandler(CardCheckService& service) : service_(service) {}
    void handleRequest(HTTPServerRequest&, HTTPServerResponse& response) override {
        Poco::JSON::Object json;
        json.set("challenge", card_check::toBase64(service_.issueChallenge()));
        json.set("expires_in_ms", static_cast<Poco::Int64>(service_.challengeLifetime().count()));
        sendJson(response, HTTPResponse::HTTP_OK, json);
    }

private:
    CardCheckService& service_;
};

class VerifyHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit VerifyHandler(CardCheckService& service) : service_(service) {}
    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        auto body = readBody(request);
        if (!body)
            return sendRefusal(response, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, malformed("the request is too large"));
        auto parsed = parseVerifyRequest(*body);
        if (!parsed) return sendRefusal(response, HTTPResponse::HTTP_BAD_REQUEST, parsed.problem());
        auto reply = service_.check(parsed.value());
        if (!reply) return sendRefusal(response, HTTPResponse::HTTP_FORBIDDEN, reply.problem());
        if (reply.value().delay.count() > 0) std::this_thread::sleep_for(reply.value().delay);
        response.setStatus(HTTPResponse::HTTP_OK);
        response.setContentType("application/xml; charset=utf-8");
        response.setContentLength(static_cast<std::streamsize>(reply.value().resultXml.size()));
        response.send() << reply.value().resultXml;
    }

private:
    CardCheckService& service_;
};

class NotFoundHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit NotFoundHandler(HTTPResponse::HTTPStatus status) : status_(status) {}
    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        sendRefusal(response, status_, malformed(request.getMethod() + " " + request.getURI() + " is not served"));
    }

private:
    HTTPResponse::HTTPStatus status_;
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HandlerFactory(CardCheckService& service) : service_(service) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest& request) override {
        const bool known = request.getURI() == card_check::kChallengePath || request.getURI() == card_check::kVerifyPath;
        if (!known) return new NotFoundHandler(HTTPResponse::HTTP_NOT_FOUND);
        if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_POST)
            return new NotFoundHandler(HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
        if (request.getURI() == card_check::kChallengePath) return new ChallengeHandler(service_);
        return new VerifyHandler(service_);
    }

private:
    CardCheckService& service_;
};

}  // namespace

Outcome<CardCheckRequest> parseVerifyRequest(const std::string& body) {
    try {
        auto json = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
        CardCheckRequest request;
        for (auto [field, target] : {std::pair{"challenge", &request.challenge}, std::pair{"signature", &request.signature},
                                     std::pair{"certificate", &request.certificateDer}}) {
            auto bytes = card_check::fromBase64(json->optValue<std::string>(field, ""));
            if (!bytes) return malformed(std::string("\"") + field + "\" is missing or not base64");
            *target = std::move(*bytes);
        }
        return request;
    } catch (const Poco::Exception& error) {
        return malformed("the body is not a JSON object: " + error.displayText());
    }
}

Outcome<std::unique_ptr<CardCheckHttpServer>> CardCheckHttpServer::start(CardCheckService& service, std::uint16_t port) {
    try {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(kConnectionThreads);
        params->setMaxQueued(kQueuedConnections);
        params->setTimeout(kIdleDeadline);
        params->setKeepAlive(false);  // one request per connection: a connection cannot be held open
        std::unique_ptr<CardCheckHttpServer> server(new CardCheckHttpServer);
        server->port_ = socket.address().port();
        server->threads_ = std::make_unique<Poco::ThreadPool>(2, kConnectionThreads);
        server->server_ = std::make_unique<Poco::Net::HTTPServer>(new HandlerFactory(service), *server->threads_, socket, params);
        server->server_->start();
        return server;
    } catch (const Poco::Exception& error) {
        return Problem{"cardcheck.server", "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + error.displayText()};
    }
}

CardCheckHttpServer::~CardCheckHttpServer() {
    if (server_) server_->stopAll(true);
    if (threads_) threads_->joinAll();
    server_.reset();
}

}  // namespace madoguchi::gateway
