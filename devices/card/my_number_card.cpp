#include "devices/card/my_number_card.h"

#include <algorithm>

#include "devices/card/card_face.h"
#include "devices/card/certificate.h"
#include "devices/card/jpki.h"

namespace madoguchi::card {

namespace {

constexpr std::size_t kShortMax = 256;
constexpr std::size_t kExtendedMax = 65535;
// The 券面事項確認AP does not report its 照合番号B limit after a success (see card_face.h).
constexpr int kTriesNotReported = -1;

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

// A VERIFY answer: 9000 accepted, 63Cx refused with x tries left, 6983 locked.
std::optional<PinVerification> verificationFrom(std::uint16_t status, int triesAfterSuccess) {
    if (status == sw::kOk) return PinVerification{true, triesAfterSuccess};
    if (isTriesLeft(status)) return PinVerification{false, triesFrom(status)};
    if (status == sw::kAuthenticationBlocked) return PinVerification{false, 0};
    return std::nullopt;
}

// A VERIFY without data: the tries left without spending one (9000: already verified).
Outcome<int> triesFromStatusQuery(std::uint16_t status, int whenVerified) {
    if (isTriesLeft(status)) return triesFrom(status);
    if (status == sw::kAuthenticationBlocked) return 0;
    if (status == sw::kOk) return whenVerified;
    return unexpectedStatus();
}

// Chunks of a portrait must not linger in freed memory either.
void appendAndWipe(Bytes& file, Bytes chunk) {
    file.insert(file.end(), chunk.begin(), chunk.end());
    wipe(chunk);
}

bool validPinFormat(const SecretBuffer& pin) {
    return pin.size() == 4 && std::all_of(pin.view().begin(), pin.view().end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Outcome<ResponseApdu> PcscMyNumberCard::send(const CommandApdu& command) {
    auto response = transport_.transmit(command);
    if (!response) {  // the card may be gone: forget what was selected
        selectedApplication_.reset();
        selectedEf_.reset();
    }
    return response;
}

Outcome<bool> PcscMyNumberCard::selectApplication(Application application) {
    if (selectedApplication_ == application) return true;
    const auto& aid = application == Application::Jpki ? jpki::kJpkiAid : jpki::kCardFaceAid;
    CommandApdu select{0x00, jpki::kInsSelect, 0x04, 0x0C, Bytes(aid.begin(), aid.end())};
    selectedApplication_.reset();
    selectedEf_.reset();
    auto response = send(select);
    if (!response) return response.problem();
    if (!response.value().ok()) return notMyNumberCard();
    selectedApplication_ = application;
    return true;
}

Outcome<bool> PcscMyNumberCard::selectEf(Application application, std::uint16_t fileId) {
    auto ap = selectApplication(application);
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
        return Problem{"card.read_failed", N_("The card could not be read. Place the card again.")};
    return std::move(response).value().data;
}

Outcome<bool> PcscMyNumberCard::readRest(Bytes& file, std::size_t total) {
    while (file.size() < total) {
        std::size_t want = total - file.size();
        if (extendedLength_ != false && want > kShortMax) {
            auto chunk = readBinary(file.size(), std::min(want, kExtendedMax));
            if (chunk && !chunk.value().empty()) {
                extendedLength_ = true;
                appendAndWipe(file, std::move(chunk).value());
                continue;
            }
            if (!chunk && chunk.problem().code != "card.read_failed") return chunk.problem();
            extendedLength_ = false;  // the card refused extended length: short reads from now on
        }
        auto chunk = readBinary(file.size(), std::min(want, kShortMax));
        if (!chunk) return chunk.problem();
        if (chunk.value().empty()) return unexpectedStatus();
        appendAndWipe(file, std::move(chunk).value());
    }
    file.resize(total);
    return true;
}

Outcome<Bytes> PcscMyNumberCard::readAuthCertificateDer() {
    auto selected = selectEf(Application::Jpki, jpki::kAuthCertificateEf);
    if (!selected) return selected.problem();
    auto header = readBinary(0, 4);
    if (!header) return header.problem();
    Bytes der = std::move(header).value();
    const std::size_t total = derTotalLength(der);
    if (total < der.size() || total > 0x7FFF) return parseAuthCertificate({}).problem();
    auto read = readRest(der, total);
    if (!read) return read.problem().code == "card.unexpected_status" ? parseAuthCertificate({}).problem() : read.problem();
    return der;
}

Outcome<AuthCertificateInfo> PcscMyNumberCard::readAuthCertificate() {
    auto der = readAuthCertificateDer();
    if (!der) return der.problem();
    return parseAuthCertificate(der.value());
}

Outcome<int> PcscMyNumberCard::pinTriesLeft() {
    auto selected = selectEf(Application::Jpki, jpki::kAuthPinEf);
    if (!selected) return selected.problem();
    auto response = send(CommandApdu{0x00, jpki::kInsVerify, 0x00, 0x80, {}});
    if (!response) return response.problem();
    return triesFromStatusQuery(response.value().sw, jpki::kAuthPinMaxTries);  // 9000: verified in this session
}

Outcome<PinVerification> PcscMyNumberCard::verifyPin(SecretBuffer& pin) {
    if (!validPinFormat(pin)) {
        pin.clear();
        return Problem{"card.pin_format", N_("The PIN has 4 digits.")};
    }
    auto selected = selectEf(Application::Jpki, jpki::kAuthPinEf);
    if (!selected) {
        pin.clear();
        return selected.problem();
    }
    CommandApdu verify{0x00, jpki::kInsVerify, 0x00, 0x80, Bytes(pin.view().begin(), pin.view().end())};
    pin.clear();
    auto response = send(verify);
    wipe(verify.data);
    if (!response) return response.problem();
    auto verification = verificationFrom(response.value().sw, jpki::kAuthPinMaxTries);
    if (!verification) return unexpectedStatus();
    return *verification;
}

Outcome<std::vector<std::uint8_t>> PcscMyNumberCard::signWithAuthKey(const std::vector<std::uint8_t>& challenge) {
    auto selected = selectEf(Application::Jpki, jpki::kAuthKeyEf);
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

Outcome<int> PcscMyNumberCard::cardFaceTriesLeft() {
    auto selected = selectEf(Application::CardFace, card_face::kCollationNumberBEf);
    if (!selected) return selected.problem();
    auto response = send(CommandApdu{0x00, jpki::kInsVerify, 0x00, 0x80, {}});
    if (!response) return response.problem();
    return triesFromStatusQuery(response.value().sw, kTriesNotReported);
}

Outcome<Bytes> PcscMyNumberCard::readCardFaceEntries() {
    auto selected = selectEf(Application::CardFace, card_face::kEntriesEf);
    if (!selected) return selected.problem();
    auto head = readBinary(0, 8);
    if (!head) return head.problem();
    Bytes entries = std::move(head).value();
    const std::size_t total = card_face::tlvTotalLength(entries);
    if (total < entries.size() && total != 0) entries.resize(total);
    if (total == 0 || total > 0x7FFF) {
        wipe(entries);
        return unexpectedStatus();
    }
    auto read = readRest(entries, total);
    if (!read) {
        wipe(entries);
        return read.problem();
    }
    return entries;
}

Outcome<PortraitRead> PcscMyNumberCard::readPortrait(std::string& collationNumberB) {
    if (!card_face::validCollationNumberB(collationNumberB)) {
        wipe(collationNumberB);
        return Problem{"card.collation_number_format",
                       N_("The check number has 14 digits: birth date (YYMMDD), the card's expiry year and the "
                          "4-digit security code, as printed on the card.")};
    }
    auto selected = selectEf(Application::CardFace, card_face::kCollationNumberBEf);
    if (!selected) {
        wipe(collationNumberB);
        return selected.problem();
    }
    CommandApdu verify{0x00, jpki::kInsVerify, 0x00, 0x80, Bytes(collationNumberB.begin(), collationNumberB.end())};
    wipe(collationNumberB);
    auto response = send(verify);
    wipe(verify.data);
    if (!response) return response.problem();
    auto verification = verificationFrom(response.value().sw, kTriesNotReported);
    if (!verification) return unexpectedStatus();
    if (!verification->accepted) return PortraitRead{*verification, {}};
    auto entries = readCardFaceEntries();
    if (!entries) return entries.problem();
    Bytes file = std::move(entries).value();
    auto portrait = card_face::portraitFrom(file);
    wipe(file);  // name, address and birth date images: not kept
    if (!portrait) return Problem{"card.no_portrait", N_("The card holds no readable portrait. Use the PIN or visual check.")};
    return PortraitRead{*verification, std::move(*portrait)};
}

}  // namespace madoguchi::card
