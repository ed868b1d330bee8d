#include "devices/card/my_number_card.h"

#include <algorithm>

#include "devices/card/certificate.h"
#include "devices/card/jpki.h"

namespace madoguchi::card {

namespace {

constexpr std::size_t kShortMax = 256;
constexpr std::size_t kExtendedMax = 65535;

Problem notMyNumberCard() {
    return {"card.not_my_number", N_("This card is not a My Number card, or its certificate application cannot be used.")};
}

Problem unexpectedStatus() {
    return {"card.unexpected_status", N_("The card answered unexpectedly. Place the card again.")};
}

Problem pinLocked() {
    return {"card.pin_locked",
            N_("The card's PIN is locked after too many wrong entries. Use face recognition or visual check, and ask "
               "the patient to reset the PIN at the municipal office.")};
}

int triesFrom(std::uint16_t status) { return status & 0x0F; }

bool isTriesLeft(std::uint16_t status) { return (status & 0xFFF0) == sw::kPinTriesBase; }

bool validPinFormat(const std::string& pin) {
    return pin.size() == 4 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Outcome<ResponseApdu> PcscMyNumberCard::send(const CommandApdu& command) {
    auto response = transport_.transmit(command);
    if (!response) {  // the card may be gone: forget what was selected
        jpkiSelected_ = false;
        selectedEf_.reset();
    }
    return response;
}

Outcome<bool> PcscMyNumberCard::selectJpki() {
    if (jpkiSelected_) return true;
    CommandApdu select{0x00, jpki::kInsSelect, 0x04, 0x0C, Bytes(jpki::kJpkiAid.begin(), jpki::kJpkiAid.end())};
    auto response = send(select);
    if (!response) return response.problem();
    if (!response.value().ok()) return notMyNumberCard();
    jpkiSelected_ = true;
    selectedEf_.reset();
    return true;
}

Outcome<bool> PcscMyNumberCard::selectEf(std::uint16_t fileId) {
    auto ap = selectJpki();
    if (!ap) return ap.problem();
    if (selectedEf_ == fileId) return true;
    CommandApdu select{0x00, jpki::kInsSelect, 0x02, 0x0C,
                       Bytes{static_cast<std::uint8_t>(fileId >> 8), static_cast<std::uint8_t>(fileId & 0xFF)}};
    auto response = send(select);
    if (!response) return response.problem();
    if (response.value().sw == sw::kFileNotFound) return notMyNumberCard();
    if (!response.value().ok()) return unexpectedStatus();
    selectedEf_ = fileId;
    return true;
}

Outcome<Bytes> PcscMyNumberCard::readBinary(std::size_t offset, std::size_t length) {
    const bool extended = length > kShortMax;
    CommandApdu read{0x00, jpki::kInsReadBinary, static_cast<std::uint8_t>((offset >> 8) & 0x7F),
                     static_cast<std::uint8_t>(offset & 0xFF), {}, static_cast<int>(length), extended};
    auto response = send(read);
    if (!response) return response.problem();
    if (!response.value().ok() && !(response.value().sw == 0x6282 && !response.value().data.empty()))
        return Problem{"card.read_failed", N_("The certificate could not be read from the card. Place the card again.")};
    return std::move(response).value().data;
}

Outcome<Bytes> PcscMyNumberCard::readAuthCertificateDer() {
    auto selected = selectEf(jpki::kAuthCertificateEf);
    if (!selected) return selected.problem();
    auto header = readBinary(0, 4);
    if (!header) return header.problem();
    Bytes der = std::move(header).value();
    const std::size_t total = derTotalLength(der);
    if (total < der.size() || total > 0x7FFF) return parseAuthCertificate({}).problem();
    while (der.size() < total) {
        std::size_t want = total - der.size();
        if (extendedLength_ != false && want > kShortMax) {
            auto chunk = readBinary(der.size(), std::min(want, kExtendedMax));
            if (chunk && !chunk.value().empty()) {
                extendedLength_ = true;
                der.insert(der.end(), chunk.value().begin(), chunk.value().end());
                continue;
            }
            if (!chunk && chunk.problem().code != "card.read_failed") return chunk.problem();
            extendedLength_ = false;  // the card refused extended length: short reads from now on
        }
        auto chunk = readBinary(der.size(), std::min(want, kShortMax));
        if (!chunk) return chunk.problem();
        if (chunk.value().empty()) return parseAuthCertificate({}).problem();
        der.insert(der.end(), chunk.value().begin(), chunk.value().end());
    }
    der.resize(total);
    return der;
}

Outcome<AuthCertificateInfo> PcscMyNumberCard::readAuthCertificate() {
    auto der = readAuthCertificateDer();
    if (!der) return der.problem();
    return parseAuthCertificate(der.value());
}

Outcome<int> PcscMyNumberCard::pinTriesLeft() {
    auto selected = selectEf(jpki::kAuthPinEf);
    if (!selected) return selected.problem();
    auto response = send(CommandApdu{0x00, jpki::kInsVerify, 0x00, 0x80, {}});
    if (!response) return response.problem();
    const auto status = response.value().sw;
    if (isTriesLeft(status)) return triesFrom(status);
    if (status == sw::kAuthenticationBlocked) return 0;
    if (status == sw::kOk) return jpki::kAuthPinMaxTries;  // already verified in this session
    return unexpectedStatus();
}

Outcome<PinVerification> PcscMyNumberCard::verifyPin(std::string& pin) {
    if (!validPinFormat(pin)) {
        wipe(pin);
        return Problem{"card.pin_format", N_("The PIN has 4 digits.")};
    }
    auto selected = selectEf(jpki::kAuthPinEf);
    if (!selected) {
        wipe(pin);
        return selected.problem();
    }
    CommandApdu verify{0x00, jpki::kInsVerify, 0x00, 0x80, Bytes(pin.begin(), pin.end())};
    wipe(pin);
    auto response = send(verify);
    wipe(verify.data);
    if (!response) return response.problem();
    const auto status = response.value().sw;
    if (status == sw::kOk) return PinVerification{true, jpki::kAuthPinMaxTries};
    if (isTriesLeft(status)) return PinVerification{false, triesFrom(status)};
    if (status == sw::kAuthenticationBlocked) return PinVerification{false, 0};
    return unexpectedStatus();
}

Outcome<std::vector<std::uint8_t>> PcscMyNumberCard::signWithAuthKey(const std::vector<std::uint8_t>& challenge) {
    auto selected = selectEf(jpki::kAuthKeyEf);
    if (!selected) return selected.problem();
    CommandApdu sign{jpki::kClaProprietary, jpki::kInsComputeSignature, 0x00, 0x80, sha256DigestInfo(challenge), 0};
    auto response = send(sign);
    if (!response) return response.problem();
    const auto status = response.value().sw;
    if (status == sw::kSecurityNotSatisfied)
        return Problem{"card.pin_required", N_("Enter the card's PIN before the card can be checked.")};
    if (status == sw::kAuthenticationBlocked) return pinLocked();
    if (!response.value().ok() || response.value().data.empty()) return unexpectedStatus();
    return std::move(response).value().data;
}

}  // namespace madoguchi::card
