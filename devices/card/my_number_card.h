#pragma once
// The My Number card behind the CardReader port (JPKI-AP) and the CardFaceReader port (the
// portrait from the 券面事項確認AP), over any ApduTransport (a PcscReader in production)
// (DOMAIN.md §10). It never selects the 券面事項入力補助AP and never reads a 個人番号 file.
#include <cstdint>
#include <optional>

#include "devices/card/pcsc_reader.h"
#include "domain/ports/card_reader.h"

namespace madoguchi::card {

class PcscMyNumberCard final : public CardReader, public CardFaceReader {
public:
    explicit PcscMyNumberCard(ApduTransport& transport) : transport_(transport) {}

    Outcome<AuthCertificateInfo> readAuthCertificate() override;
    Outcome<int> pinTriesLeft() override;
    Outcome<PinVerification> verifyPin(SecretBuffer& pin) override;
    Outcome<std::vector<std::uint8_t>> signWithAuthKey(const std::vector<std::uint8_t>& challenge) override;

    Outcome<int> cardFaceTriesLeft() override;
    Outcome<PortraitRead> readPortrait(std::string& collationNumberB) override;

    // The certificate's raw bytes with the fewest READ BINARY calls the card allows.
    Outcome<Bytes> readAuthCertificateDer();

private:
    Outcome<ResponseApdu> send(const CommandApdu& command);
    enum class Application { Jpki, CardFace };
    Outcome<bool> selectApplication(Application application);
    Outcome<bool> selectEf(Application application, std::uint16_t fileId);
    Outcome<Bytes> readBinary(std::size_t offset, std::size_t length);
    // Reads the selected EF from file.size() up to `total` with the fewest READ BINARY calls.
    Outcome<bool> readRest(Bytes& file, std::size_t total);
    Outcome<Bytes> readCardFaceEntries();

    ApduTransport& transport_;
    std::optional<Application> selectedApplication_;
    std::optional<std::uint16_t> selectedEf_;
    std::optional<bool> extendedLength_;  // learnt from the card's answer to the first long read
};

}  // namespace madoguchi::card
