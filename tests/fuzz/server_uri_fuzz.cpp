// Our reading of a postgresql:// URI (storage/server_address.h) against libpq's own, on any
// bytes: both refuse it, or both read the same options in the same order. Any difference aborts.
#include <libpq-fe.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "storage/database.h"
#include "storage/server_address.h"

namespace {

std::optional<madoguchi::storage::ConnectionOptions> libpqReading(const std::string& uri) {
    char* error = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(uri.c_str(), &error);
    PQfreemem(error);
    if (!parsed) return std::nullopt;
    madoguchi::storage::ConnectionOptions options;
    for (PQconninfoOption* o = parsed; o->keyword; ++o)
        if (o->val) options.emplace_back(o->keyword, o->val);
    PQconninfoFree(parsed);
    return options;
}

std::optional<madoguchi::storage::ConnectionOptions> ourReading(const std::string& uri) {
    try {
        return madoguchi::storage::uriOptions(uri);
    } catch (const madoguchi::storage::StorageError&) {
        return std::nullopt;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string rest(reinterpret_cast<const char*>(data), size);
    rest = rest.substr(0, rest.find('\0'));  // libpq reads a C string
    const std::string uri = "postgresql://" + rest;
    if (ourReading(uri) != libpqReading(uri)) std::abort();
    (void)madoguchi::storage::serverAddress(uri);
    return 0;
}
