// libFuzzer: what the card answers is bytes from outside. The response APDU decoder, the DER
// length reader (sizes the certificate read) and the certificate parser must survive any bytes.
#include <cstddef>
#include <cstdint>

#include "devices/card/apdu.h"
#include "devices/card/certificate.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace madoguchi::card;
    Bytes bytes(data, data + size);
    auto response = ResponseApdu::decode(bytes);
    (void)response.ok();
    (void)derTotalLength(bytes);
    (void)parseAuthCertificate(bytes);
    return 0;
}
