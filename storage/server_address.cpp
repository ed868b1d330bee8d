#include "storage/server_address.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <string_view>

#include "storage/database.h"

namespace madoguchi::storage {
namespace {

// libpq's connection keywords (PostgreSQL 15), in its order: the options come out in this order.
constexpr std::array<std::string_view, 36> kKeywords{
    "service",        "user",          "password",         "passfile",      "channel_binding",
    "connect_timeout", "dbname",       "host",             "hostaddr",      "port",
    "client_encoding", "options",      "application_name", "fallback_application_name",
    "keepalives",     "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
    "sslmode",        "sslcompression", "sslcert",         "sslkey",        "sslpassword",
    "sslrootcert",    "sslcrl",        "sslcrldir",        "sslsni",        "requirepeer",
    "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "krbsrvname", "gsslib",
    "replication",    "target_session_attrs"};

[[noreturn]] void malformed(const std::string& why) {
    throw StorageError("the server address is not a valid postgresql:// URI: " + why, StorageFailure::Other);
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percentDecoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        const int high = i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
        const int low = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
        if (high < 0 || low < 0) malformed("invalid percent-encoded token: \"" + std::string(text) + "\"");
        if (high == 0 && low == 0) malformed("forbidden value %00 in percent-encoded value: \"" + std::string(text) + "\"");
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

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

class UriReader {
public:
    explicit UriReader(std::string_view rest) : rest_(rest) {}

    std::map<std::string, std::string> read() {
        readUserInfo();
        const char end = readHosts();
        if (end == '/') readDatabase();
        if (pos_ < rest_.size() && rest_[pos_] == '?') readQuery(rest_.substr(pos_ + 1));
        return values_;
    }

private:
    void store(const std::string& keyword, std::string_view raw) {
        if (!raw.empty()) values_[keyword] = percentDecoded(raw);
    }

    // user[:password]@ — looked for before the first '/', as libpq does.
    void readUserInfo() {
        const std::size_t at = rest_.find_first_of("@/");
        if (at == std::string_view::npos || rest_[at] != '@') return;
        const std::string_view info = rest_.substr(0, at);
        const std::size_t colon = info.find(':');
        store("user", info.substr(0, colon));
        if (colon != std::string_view::npos) store("password", info.substr(colon + 1));
        pos_ = at + 1;
    }

    // host[:port][,host[:port]]…; returns what ended the list ('/', '?' or 0 at the end).
    char readHosts() {
        std::string hosts, ports;
        for (bool first = true;; first = false) {
            if (!first) {
                hosts += ',';
                ports += ',';
            }
            if (at() == '[') {
                const std::size_t close = rest_.find(']', pos_);
                if (close == std::string_view::npos)
                    malformed("end of string reached when looking for matching \"]\" in IPv6 host address");
                if (close == pos_ + 1) malformed("IPv6 host address may not be empty");
                hosts += rest_.substr(pos_ + 1, close - pos_ - 1);
                pos_ = close + 1;
                if (at() && at() != ':' && at() != '/' && at() != '?' && at() != ',')
                    malformed("unexpected character \"" + std::string(1, at()) + "\" after an IPv6 host address");
            } else {
                hosts += take(":/?,");
            }
            if (at() == ':') {
                ++pos_;
                ports += take("/?,");
            }
            if (at() != ',') break;
            ++pos_;
        }
        store("host", hosts);
        store("port", ports);
        return at();
    }

    void readDatabase() {
        ++pos_;
        store("dbname", take("?"));
    }

    void readQuery(std::string_view query) {
        while (!query.empty()) {
            const std::size_t amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
            const std::size_t equals = pair.find('=');
            if (equals == std::string_view::npos)
                malformed("missing key/value separator \"=\" in URI query parameter: \"" + std::string(pair) + "\"");
            if (pair.find('=', equals + 1) != std::string_view::npos)
                malformed("extra key/value separator \"=\" in URI query parameter: \"" + std::string(pair) + "\"");
            std::string keyword = percentDecoded(pair.substr(0, equals));
            std::string value = percentDecoded(pair.substr(equals + 1));
            if (keyword == "ssl" && value == "true") {  // libpq's JDBC-compatible spelling
                keyword = "sslmode";
                value = "require";
            } else if (keyword == "requiressl") {  // libpq's old spelling
                keyword = "sslmode";
                value = value.starts_with('1') ? "require" : "prefer";
            }
            if (std::find(kKeywords.begin(), kKeywords.end(), keyword) == kKeywords.end())
                malformed("invalid URI query parameter: \"" + keyword + "\"");
            values_[keyword] = value;
        }
    }

    char at() const { return pos_ < rest_.size() ? rest_[pos_] : '\0'; }
    std::string_view take(const char* stops) {
        const std::size_t end = std::min(rest_.find_first_of(stops, pos_), rest_.size());
        std::string_view taken = rest_.substr(pos_, end - pos_);
        pos_ = end;
        return taken;
    }

    std::string_view rest_;
    std::size_t pos_ = 0;
    std::map<std::string, std::string> values_;
};

}  // namespace

ConnectionOptions uriOptions(const std::string& uri) {
    std::string_view rest = uri;
    if (rest.starts_with("postgresql://")) rest.remove_prefix(13);
    else if (rest.starts_with("postgres://")) rest.remove_prefix(11);
    else malformed("it does not start with postgresql://");
    const auto values = UriReader(rest).read();
    ConnectionOptions options;
    for (std::string_view keyword : kKeywords)
        if (auto found = values.find(std::string(keyword)); found != values.end())
            options.emplace_back(found->first, found->second);
    return options;
}

ConnectionOptions connectionOptions(const std::string& uri) {
    ConnectionOptions options = uriOptions(uri);
    auto value = [&options](const std::string& keyword) -> const std::string* {
        for (const auto& [k, v] : options)
            if (k == keyword) return &v;
        return nullptr;
    };
    if (const std::string* password = value("password"); password && !password->empty())
        throw StorageError("the server address carries a password: remove it and keep the password in the "
                           "~/.pgpass file (0600) instead (docs/site.md)",
                           StorageFailure::Other);
    const std::string* host = value("host");
    if (!value("sslmode") && !isLocalServerHost(host ? *host : "")) options.emplace_back("sslmode", "verify-full");
    if (!value("connect_timeout")) options.emplace_back("connect_timeout", "5");
    if (!value("client_encoding")) options.emplace_back("client_encoding", "UTF8");
    if (!value("application_name")) options.emplace_back("application_name", "madoguchi");
    return options;
}

bool isLocalServerHost(const std::string& host) {
    return host.empty() || host.starts_with("/") || host == "localhost" || host == "127.0.0.1" || host == "::1";
}

ServerAddress serverAddress(const std::string& uri) {
    ServerAddress address;
    ConnectionOptions options;
    try {
        options = uriOptions(uri);
    } catch (const StorageError&) {
        return address;
    }
    for (const auto& [keyword, value] : options) {
        if (keyword == "host") address.host = value;
        else if (keyword == "port") address.port = value;
        else if (keyword == "dbname") address.database = value;
        else if (keyword == "user") address.user = value;
        else if (keyword == "sslmode") address.sslmode = value;
        else if (keyword == "sslrootcert") address.caFile = value;
    }
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
