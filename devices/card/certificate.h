#pragma once
// The 利用者証明用電子証明書 read from the card, parsed with OpenSSL.
#include "devices/card/apdu.h"
#include "domain/ports/card_reader.h"

namespace madoguchi::card {

// Serial (hex), issuer / subject (RFC 2253), notBefore / notAfter as JST calendar dates.
Outcome<AuthCertificateInfo> parseAuthCertificate(const Bytes& der);

// The total length of a DER object from its first bytes (tag + length), or 0 when the header
// is not a definite-length DER header.
std::size_t derTotalLength(const Bytes& header);

// SHA-256 DigestInfo (RFC 8017 §9.2) over `message`: what the card's signature command signs.
Bytes sha256DigestInfo(const Bytes& message);

}  // namespace madoguchi::card
