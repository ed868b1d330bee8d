#pragma once
// The direct card check over HTTP (Poco::Net), loopback only: serves a CardCheckService on
// 127.0.0.1 (wire format in card_check_protocol.h). Runs on its own threads until destroyed; the
// destructor waits for requests in progress, so the service must outlive the server.
#include <cstdint>
#include <memory>

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

class CardCheckHttpServer {
public:
    // port 0 picks a free port (see port()). A port already in use is a Problem.
    static Outcome<std::unique_ptr<CardCheckHttpServer>> start(CardCheckService& service, std::uint16_t port);
    ~CardCheckHttpServer();
    CardCheckHttpServer(const CardCheckHttpServer&) = delete;
    CardCheckHttpServer& operator=(const CardCheckHttpServer&) = delete;

    std::uint16_t port() const { return port_; }

private:
    CardCheckHttpServer() = default;
    std::unique_ptr<Poco::ThreadPool> threads_;  // its own pool: joined before the service can go
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    std::uint16_t port_ = 0;
};

}  // namespace madoguchi::gateway
