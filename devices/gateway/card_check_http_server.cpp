#include "devices/gateway/card_check_http_server.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <sstream>
#include <thread>

#include "devices/gateway/card_check_protocol.h"
#include "platform/posix_files.h"

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

// What every handler of one server shares: the service, the identity the card signs for, and the
// key that signs the answers (none without TLS).
struct ServingSide {
    CardCheckService& service;
    std::string identity;
    std::shared_ptr<EVP_PKEY> answerKey;
};

std::string answerSignature(EVP_PKEY* key, const std::vector<std::uint8_t>& nonce, const std::string& resultXml) {
    const auto message = card_check::answerMessage(nonce, resultXml);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t length = 0;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &length, message.data(), message.size()) != 1)
        return {};
    std::vector<std::uint8_t> signature(length);
    if (EVP_DigestSign(context.get(), signature.data(), &length, message.data(), message.size()) != 1) return {};
    signature.resize(length);
    return card_check::toBase64(signature);
}

class VerifyHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit VerifyHandler(const ServingSide& side) : side_(side) {}
    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        auto body = readBody(request);
        if (!body)
            return sendRefusal(response, HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, malformed("the request is too large"));
        auto parsed = parseVerifyRequest(*body);
        if (!parsed) return sendRefusal(response, HTTPResponse::HTTP_BAD_REQUEST, parsed.problem());
        auto reply = side_.service.check(parsed.value(), side_.identity);
        if (!reply) return sendRefusal(response, HTTPResponse::HTTP_FORBIDDEN, reply.problem());
        if (reply.value().delay.count() > 0) std::this_thread::sleep_for(reply.value().delay);
        response.setStatus(HTTPResponse::HTTP_OK);
        response.setContentType("application/xml; charset=utf-8");
        if (side_.answerKey)
            response.set(std::string(card_check::kAnswerSignatureHeader),
                         answerSignature(side_.answerKey.get(), parsed.value().challenge, reply.value().resultXml));
        response.setContentLength(static_cast<std::streamsize>(reply.value().resultXml.size()));
        response.send() << reply.value().resultXml;
    }

private:
    const ServingSide& side_;
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
    explicit HandlerFactory(ServingSide side) : side_(std::move(side)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest& request) override {
        const bool known = request.getURI() == card_check::kChallengePath || request.getURI() == card_check::kVerifyPath;
        if (!known) return new NotFoundHandler(HTTPResponse::HTTP_NOT_FOUND);
        if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_POST)
            return new NotFoundHandler(HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
        if (request.getURI() == card_check::kChallengePath) return new ChallengeHandler(side_.service);
        return new VerifyHandler(side_);
    }

private:
    ServingSide side_;
};

// The certificate (its DER, for the identity) and the key (for the answers) of the TLS identity.
struct LoadedTls {
    std::vector<std::uint8_t> certificateDer;
    std::shared_ptr<EVP_PKEY> key;
};

Outcome<LoadedTls> loadTls(const ServerTls& tls) {
    auto cannot = [](const std::filesystem::path& file) {
        return Problem{"cardcheck.server_tls", "cannot read the server's TLS certificate or key " + file.string()};
    };
    LoadedTls loaded;
    if (FILE* file = ::fopen(tls.certificateFile.c_str(), "r")) {
        X509* certificate = PEM_read_X509(file, nullptr, nullptr, nullptr);
        std::fclose(file);
        unsigned char* der = nullptr;
        const int length = certificate ? i2d_X509(certificate, &der) : -1;
        if (length > 0) loaded.certificateDer.assign(der, der + length);
        OPENSSL_free(der);
        X509_free(certificate);
    }
    if (loaded.certificateDer.empty()) return cannot(tls.certificateFile);
    if (FILE* file = ::fopen(tls.privateKeyFile.c_str(), "r")) {
        loaded.key.reset(PEM_read_PrivateKey(file, nullptr, nullptr, nullptr), EVP_PKEY_free);
        std::fclose(file);
    }
    if (!loaded.key) return cannot(tls.privateKeyFile);
    return loaded;
}

Poco::Net::Context::Ptr serverContext(const ServerTls& tls) {
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_SERVER_USE, tls.privateKeyFile.string(), tls.certificateFile.string(), "",
        Poco::Net::Context::VERIFY_NONE, 9, false, "HIGH:!aNULL:!MD5:!RC4");
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                              Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    return context;
}

Poco::Net::ServerSocket listeningSocket(const Poco::Net::SocketAddress& address, const std::optional<ServerTls>& tls) {
    if (tls) return Poco::Net::SecureServerSocket(address, 64, serverContext(*tls));
    return Poco::Net::ServerSocket(address);
}

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

Outcome<std::unique_ptr<CardCheckHttpServer>> CardCheckHttpServer::start(CardCheckService& service, std::uint16_t port,
                                                                         const std::optional<ServerTls>& tls) {
    try {
        const Poco::Net::SocketAddress address("127.0.0.1", port);
        LoadedTls loaded;
        if (tls) {
            auto read = loadTls(*tls);
            if (!read) return read.problem();
            loaded = std::move(read).value();
        }
        Poco::Net::ServerSocket socket = listeningSocket(address, tls);
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(kConnectionThreads);
        params->setMaxQueued(kQueuedConnections);
        params->setTimeout(kIdleDeadline);
        params->setKeepAlive(false);  // one request per connection: a connection cannot be held open
        std::unique_ptr<CardCheckHttpServer> server(new CardCheckHttpServer);
        server->port_ = socket.address().port();
        server->secure_ = tls.has_value();
        server->identity_ = tls ? card_check::certificateIdentity(loaded.certificateDer)
                                : card_check::plainLoopbackIdentity(server->port_);
        server->threads_ = std::make_unique<Poco::ThreadPool>(2, kConnectionThreads);
        server->server_ = std::make_unique<Poco::Net::HTTPServer>(
            new HandlerFactory(ServingSide{service, server->identity_, loaded.key}), *server->threads_, socket, params);
        server->server_->start();
        return server;
    } catch (const Poco::Exception& error) {
        return Problem{"cardcheck.server", "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + error.displayText()};
    }
}

std::string CardCheckHttpServer::url() const {
    return std::string(secure_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

CardCheckHttpServer::~CardCheckHttpServer() {
    if (server_) server_->stopAll(true);
    if (threads_) threads_->joinAll();
    server_.reset();
}

}  // namespace madoguchi::gateway
