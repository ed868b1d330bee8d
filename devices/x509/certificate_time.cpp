#include "devices/x509/certificate_time.h"

#include <openssl/crypto.h>

namespace madoguchi::x509 {
namespace {

constexpr long kJstOffsetSeconds = 9 * 3600L;

}  // namespace

std::optional<Date> jstDate(const ASN1_TIME* time) {
    std::tm jst{};  // UTC first, then moved by nine hours (OpenSSL's calendar: no timegm on Windows)
    if (ASN1_TIME_to_tm(time, &jst) != 1 || OPENSSL_gmtime_adj(&jst, 0, kJstOffsetSeconds) != 1) return std::nullopt;
    return Date::fromYmd(jst.tm_year + 1900, static_cast<unsigned>(jst.tm_mon + 1), static_cast<unsigned>(jst.tm_mday));
}

std::time_t epochSecondsOfJst(const LocalDateTime& at) {
    // In time_t (64 bits on both systems): a long is 32 bits on Windows, where days * 86400 of any
    // date after 2038-01-19 overflowed (the test CA's notAfter in 2045 came out in 1909).
    const std::time_t days = at.date.daysSinceEpoch();
    return days * 86400 + at.hour * 3600 + at.minute * 60 + at.second - kJstOffsetSeconds;
}

}  // namespace madoguchi::x509
