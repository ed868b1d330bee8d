#pragma once
// Certificates carry UTC; the facility's calendar is JST (UTC+9, no daylight saving). The one
// place that turns one into the other, for the card reader and the gateway's card check.
#include <openssl/asn1.h>

#include <ctime>
#include <optional>

#include "domain/date.h"

namespace madoguchi::x509 {

// The JST calendar day of a certificate time (notBefore / notAfter), or nothing when unreadable.
std::optional<Date> jstDate(const ASN1_TIME* time);
// Seconds since the epoch (UTC) of a JST wall-clock time, for OpenSSL's verification time.
std::time_t epochSecondsOfJst(const LocalDateTime& at);

}  // namespace madoguchi::x509
