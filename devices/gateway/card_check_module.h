#pragma once
// The direct card check's HTTPS client (HttpCardCheckClient) lives in a shared module of its own,
// libmadoguchi-card-check.so: Poco's Net and NetSSL, OpenSSL's TLS and what they pull in (Poco
// Util, XML and Crypto) are mapped by the window only when it first checks a card directly, not
// at every start (docs/performance.md). The module is built with this very program (same
// compiler and headers: its entry point hands over C++ objects); a version number guards against
// a stray older module. Windows links the client in (card_check_module_windows.cpp).
#include <chrono>
#include <memory>
#include <string>

#include "devices/gateway/http_card_check_client.h"

namespace madoguchi::gateway {

#ifdef _WIN32
inline constexpr const char* kCardCheckModuleFileName = "madoguchi-card-check.dll";  // not built: linked in
#else
inline constexpr const char* kCardCheckModuleFileName = "libmadoguchi-card-check.so";
#endif
inline constexpr int kCardCheckModuleVersion = 1;
// Developer builds: the module to open instead of the build tree's or the installed one.
inline constexpr const char* kCardCheckModuleOverride = "MADOGUCHI_CARD_CHECK_MODULE";

// An HttpCardCheckClient(url, codes, trust, timeout). The module is opened on the first call and
// stays for the process; one that is missing or of another version is a Problem
// "gateway.card_check.module_missing".
Outcome<std::unique_ptr<CardCheckClient>> makeCardCheckClient(const std::string& url, const CodeTables& codes,
                                                              const CardCheckTrust& trust,
                                                              std::chrono::milliseconds timeout);

// The entry points the module exports (extern "C", looked up by these names).
extern "C" {
using CardCheckModuleVersionFunction = int();
using CardCheckClientFactoryFunction = CardCheckClient*(const std::string& url, const CodeTables& codes,
                                                        const CardCheckTrust& trust, std::chrono::milliseconds timeout);
}
inline constexpr const char* kCardCheckModuleVersionSymbol = "madoguchi_card_check_module_version";
inline constexpr const char* kCardCheckClientFactorySymbol = "madoguchi_card_check_client_create";

}  // namespace madoguchi::gateway
