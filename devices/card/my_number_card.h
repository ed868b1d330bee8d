#pragma once
// The My Number card's JPKI-AP behind the CardReader port (DOMAIN.md §10), over any
// ApduTransport (a PcscReader in production). It never selects the 券面事項入力補助AP.
#include <cstdint>
#include <optional>

#include "devices/card/pcsc_reader.h"
#include "domain/ports/card_reader.h"

namespace madoguchi::card {

class PcscMyNumberCard final : public CardReader {
public:
    explicit PcscMyNumberCard(ApduTransport& transport) : transport_(transport) {}

    Outcome<AuthCertificateInfo> readAuthCertificate() override;
    Outcome<int> pinTriesLeft() override;
    Outcome<PinVerification> verifyPin(std::string& pin) override;
    Outcome<std::vector<std::uint8_t>> signWithAuthKey(const std::vector<std::uint8_t>& challenge) override;

    // The certificate's raw bytes with the fewest READ BINARY calls the card allows.
    Outcome<Bytes> readAuthCertificateDer();

private:
    Outcome<ResponseApdu> send(const CommandApdu& command);
    Outcome<bool> selectJpki();
    Outcome<bool> selectEf(std::uint16_t fileId);
    Outcome<Bytes> readBinary(std::size_t offset, std::size_t length);

    ApduTransport& transport_;
    bool jpkiSelected_ = false;
    std::optional<std::uint16_t> selectedEf_;
    std::optional<bool> extendedLength_;  // learnt from the card's answer to the first long read
};

}  // namespace madoguchi::card
