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
    return static_cast<std::time_t>(at.date.daysSinceEpoch() * 86400L + at.hour * 3600L + at.minute * 60L + at.second -
                                    kJstOffsetSeconds);
}

}  // namespace madoguchi::x509
