#include "storage/server_address.h"

#include <libpq-fe.h>

#include <cctype>
#include <cstdio>

namespace madoguchi::storage {
namespace {

std::string percentEncoded(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

}  // namespace

bool isLocalServerHost(const std::string& host) {
    return host.empty() || host.starts_with("/") || host == "localhost" || host == "127.0.0.1" || host == "::1";
}

ServerAddress serverAddress(const std::string& uri) {
    ServerAddress address;
    char* error = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(uri.c_str(), &error);
    PQfreemem(error);
    if (!parsed) return address;
    for (PQconninfoOption* o = parsed; o->keyword; ++o) {
        if (!o->val) continue;
        const std::string keyword = o->keyword;
        if (keyword == "host") address.host = o->val;
        else if (keyword == "port") address.port = o->val;
        else if (keyword == "dbname") address.database = o->val;
        else if (keyword == "user") address.user = o->val;
        else if (keyword == "sslmode") address.sslmode = o->val;
        else if (keyword == "sslrootcert") address.caFile = o->val;
    }
    PQconninfoFree(parsed);
    return address;
}

std::string serverUri(const ServerAddress& a) {
    const bool socket = a.host.starts_with("/");
    std::string host = socket ? "" : a.host.find(':') != std::string::npos ? "[" + a.host + "]" : percentEncoded(a.host);
    std::string uri = "postgresql://";
    if (!a.user.empty()) uri += percentEncoded(a.user) + "@";
    uri += host;
    if (!a.port.empty()) uri += ":" + percentEncoded(a.port);
    uri += "/" + percentEncoded(a.database);
    std::string query;
    auto option = [&query](const char* keyword, const std::string& value) {
        if (!value.empty()) query += (query.empty() ? "?" : "&") + std::string(keyword) + "=" + percentEncoded(value);
    };
    if (socket) option("host", a.host);
    option("sslmode", a.sslmode);
    option("sslrootcert", a.caFile);
    return uri + query;
}

}  // namespace madoguchi::storage
