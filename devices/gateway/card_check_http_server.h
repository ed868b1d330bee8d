#pragma once
// The direct card check over HTTPS (Poco::Net, Poco::NetSSL), loopback only: serves a
// CardCheckService on 127.0.0.1 (wire format in card_check_protocol.h) with a TLS certificate
// (the simulator's is issued by the demo CA, resources/demo/ca), and signs its answers with the
// same key. Without a certificate it serves plain HTTP, which clients accept on loopback in demo
// mode only. Runs on its own threads until destroyed; the destructor waits for requests in
// progress, so the service must outlive the server.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "devices/gateway/card_check_service.h"

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
}  // namespace Poco

namespace madoguchi::gateway {

// The verify body {"challenge", "signature", "certificate"} (base64), or a Problem
// card_check::kMalformedRequest. Bytes from the network: fuzzed (tests/fuzz).
Outcome<CardCheckRequest> parseVerifyRequest(const std::string& body);

struct ServerTls {
    std::filesystem::path certificateFile, privateKeyFile;  // PEM
};

class CardCheckHttpServer {
public:
    // port 0 picks a free port (see port()). A port already in use, or a certificate or key that
    // cannot be read, is a Problem.
    static Outcome<std::unique_ptr<CardCheckHttpServer>> start(CardCheckService& service, std::uint16_t port,
                                                               const std::optional<ServerTls>& tls);
    ~CardCheckHttpServer();
    CardCheckHttpServer(const CardCheckHttpServer&) = delete;
    CardCheckHttpServer& operator=(const CardCheckHttpServer&) = delete;

    std::uint16_t port() const { return port_; }
    bool secure() const { return secure_; }
    // "https://127.0.0.1:N" or "http://127.0.0.1:N".
    std::string url() const;
    // What the card signs for this server (card_check::certificateIdentity of its certificate).
    const std::string& identity() const { return identity_; }

private:
    CardCheckHttpServer() = default;
    bool secure_ = false;
    std::string identity_;
    std::unique_ptr<Poco::ThreadPool> threads_;  // its own pool: joined before the service can go
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    std::uint16_t port_ = 0;
};

}  // namespace madoguchi::gateway
