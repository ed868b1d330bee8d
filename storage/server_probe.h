#pragma once
// The status bar's journal light on a site server, asked every few seconds: one connection kept
// from check to check (with TLS for a remote host, a new connection each time would cost a
// handshake a check). While it works, a check is one query on it; when it breaks, or before the
// first check, checkServer() opens a short connection of its own that says why, and the kept
// connection is made again once the server is ready. One thread at a time.
#include <memory>
#include <string>

#include "storage/database.h"
#include "storage/server_check.h"

namespace madoguchi::storage {

class ServerProbe {
public:
    explicit ServerProbe(std::string uri);  // postgresql://… as the settings hold it
    ~ServerProbe();
    ServerProbe(const ServerProbe&) = delete;
    ServerProbe& operator=(const ServerProbe&) = delete;

    ServerCheck check();
    const std::string& uri() const { return uri_; }

private:
    std::string uri_;
    std::unique_ptr<Database> kept_;
};

}  // namespace madoguchi::storage
