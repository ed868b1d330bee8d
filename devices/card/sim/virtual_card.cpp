#include "devices/card/sim/virtual_card.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <stdexcept>

#include "devices/card/card_face.h"
#include "devices/card/jpki.h"

namespace madoguchi::card::sim {

namespace {

Bytes status(std::uint16_t word) { return {static_cast<std::uint8_t>(word >> 8), static_cast<std::uint8_t>(word)}; }

Bytes withStatus(Bytes data, std::uint16_t word) {
    data.push_back(static_cast<std::uint8_t>(word >> 8));
    data.push_back(static_cast<std::uint8_t>(word));
    return data;
}

// A parsed C-APDU (ISO 7816-4 cases 1-4, short and extended); nullopt on a length mismatch.
struct Parsed {
    std::uint8_t cla, ins, p1, p2;
    std::optional<Bytes> data;
    std::size_t le = 0;
    bool hasLe = false;
};

std::optional<Parsed> parse(const Bytes& c) {
    if (c.size() < 4) return std::nullopt;
    Parsed p{c[0], c[1], c[2], c[3], std::nullopt};
    if (c.size() == 4) return p;
    if (c.size() == 5) {
        p.hasLe = true;
        p.le = c[4] == 0 ? 256 : c[4];
        return p;
    }
    if (c[4] == 0 && c.size() >= 7) {  // extended
        const std::size_t n = (c[5] << 8) | c[6];
        if (c.size() == 7) {
            p.hasLe = true;
            p.le = n == 0 ? 65536 : n;
            return p;
        }
        if (c.size() != 7 + n && c.size() != 9 + n) return std::nullopt;
        p.data = Bytes(c.begin() + 7, c.begin() + 7 + static_cast<long>(n));
        if (c.size() == 9 + n) {
            const std::size_t le = (c[7 + n] << 8) | c[8 + n];
            p.hasLe = true;
            p.le = le == 0 ? 65536 : le;
        }
        return p;
    }
    const std::size_t n = c[4];
    if (c.size() != 5 + n && c.size() != 6 + n) return std::nullopt;
    p.data = Bytes(c.begin() + 5, c.begin() + 5 + static_cast<long>(n));
    if (c.size() == 6 + n) {
        p.hasLe = true;
        p.le = c[5 + n] == 0 ? 256 : c[5 + n];
    }
    return p;
}

// The 券面事項入力補助AP (basic 4 items and the 個人番号). Named here only to refuse it and
// to report the attempt; Madoguchi's reader has no constant for it at all.
const Bytes kCardInputHelperAid{0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};

Bytes text(const std::string& value) { return Bytes(value.begin(), value.end()); }

// EF 0002: FF 20 { DF 21 header, DF 22 birth date, DF 27 portrait, DF 29 expiry year }, then FF
// padding as on a real card. No name / address images, no security-code image: not needed here.
Bytes cardFaceEntries(const CardProfile& profile) {
    using namespace card_face;
    Bytes inner = encodeTlv(kHeaderTag, Bytes{0x00, 0x00});
    const auto birth = profile.birthDate.substr(0, 4) + profile.birthDate.substr(5, 2) + profile.birthDate.substr(8, 2);
    for (const auto& item : {encodeTlv(kBirthTag, text(birth)), encodeTlv(kPortraitTag, profile.portrait),
                             encodeTlv(kExpiryTag, text(std::to_string(profile.cardExpiryYear)))})
        inner.insert(inner.end(), item.begin(), item.end());
    Bytes file = encodeTlv(kEntriesTag, inner);
    file.resize(file.size() + 64, 0xFF);
    return file;
}

}  // namespace

VirtualMyNumberCard::VirtualMyNumberCard(CardProfile profile) : profile_(std::move(profile)) {
    BIO* bio = BIO_new_mem_buf(profile_.privateKeyPem.data(), static_cast<int>(profile_.privateKeyPem.size()));
    key_ = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key_) throw std::runtime_error("the profile's private key is not a PEM RSA key");
    triesLeft_ = loadTriesLeft(profile_);
    cardFaceTriesLeft_ = loadCardFaceTriesLeft(profile_);
    cardFaceEntries_ = cardFaceEntries(profile_);
}

VirtualMyNumberCard::~VirtualMyNumberCard() { EVP_PKEY_free(static_cast<EVP_PKEY*>(key_)); }

void VirtualMyNumberCard::reset() {
    ap_ = Ap::None;
    ef_.reset();
    pinVerified_ = false;
    cardFaceVerified_ = false;
}

Bytes VirtualMyNumberCard::answer(const Bytes& command) {
    auto parsed = parse(command);
    if (!parsed) return status(sw::kWrongLength);
    const auto& p = *parsed;
    if (p.cla != 0x00 && p.cla != jpki::kClaProprietary) return status(sw::kClaNotSupported);
    switch (p.ins) {
        case jpki::kInsSelect:
            if (!p.data) return status(sw::kWrongLength);
            return select(p.p1, *p.data);
        case jpki::kInsReadBinary:
            if (p.data || !p.hasLe) return status(sw::kWrongLength);
            if (p.le > 256 && !profile_.extendedLength) return status(sw::kWrongLength);
            return readBinary(static_cast<std::size_t>(((p.p1 & 0x7F) << 8) | p.p2), p.le);
        case jpki::kInsVerify:
            if (p.p1 != 0x00 || p.p2 != 0x80) return status(sw::kWrongP1P2);
            return ap_ == Ap::CardFace ? verifyCollationNumberB(p.data) : verify(p.data);
        case jpki::kInsComputeSignature:
            if (p.cla != jpki::kClaProprietary || p.p1 != 0x00 || p.p2 != 0x80) return status(sw::kWrongP1P2);
            if (!p.data) return status(sw::kWrongLength);
            return sign(*p.data);
        default:
            return status(sw::kInsNotSupported);
    }
}

Bytes VirtualMyNumberCard::select(std::uint8_t p1, const Bytes& data) {
    if (p1 == 0x04) return selectApplication(data);
    if (p1 != 0x02) return status(sw::kWrongP1P2);
    if (data.size() != 2) return status(sw::kWrongLength);
    return selectEf(static_cast<std::uint16_t>((data[0] << 8) | data[1]));
}

Bytes VirtualMyNumberCard::selectApplication(const Bytes& aid) {
    Ap selected = Ap::None;
    if (aid == Bytes(jpki::kJpkiAid.begin(), jpki::kJpkiAid.end())) selected = Ap::Jpki;
    if (aid == Bytes(jpki::kCardFaceAid.begin(), jpki::kCardFaceAid.end())) selected = Ap::CardFace;
    const std::uint16_t word = selected == Ap::None ? sw::kFileNotFound : sw::kOk;
    if (log_) {
        *log_ << "sim card: SELECT AID " << toHex(aid) << " -> " << toHex(status(word))
              << (aid == kCardInputHelperAid ? " REFUSED: 券面事項入力補助AP" : "") << '\n' << std::flush;
    }
    if (selected == Ap::None) return status(word);
    ap_ = selected;
    ef_.reset();
    pinVerified_ = false;
    cardFaceVerified_ = false;
    return status(sw::kOk);
}

Bytes VirtualMyNumberCard::selectEf(std::uint16_t id) {
    if (ap_ == Ap::CardFace) {
        // Only the 照合番号B and the card-face file: no 照合番号A (EF 0013, the 個人番号 itself)
        // and no 個人番号 image (EF 0005) on this virtual card.
        if (id != card_face::kCollationNumberBEf && id != card_face::kEntriesEf) return status(sw::kFileNotFound);
        ef_ = id;
        return status(sw::kOk);
    }
    if (ap_ != Ap::Jpki) return status(sw::kFileNotFound);
    switch (id) {
        case jpki::kAuthCertificateEf:
        case jpki::kAuthCaCertificateEf:
        case jpki::kAuthKeyEf:
        case jpki::kAuthPinEf:
        case jpki::kSignCertificateEf:
        case jpki::kSignCaCertificateEf:
        case jpki::kSignKeyEf:
        case jpki::kSignPinEf:
            ef_ = id;
            return status(sw::kOk);
        default:
            return status(sw::kFileNotFound);
    }
}

const Bytes* VirtualMyNumberCard::selectedFile() const {
    if (ap_ == Ap::CardFace) return ef_ == card_face::kEntriesEf && cardFaceVerified_ ? &cardFaceEntries_ : nullptr;
    if (ef_ == jpki::kAuthCertificateEf) return &profile_.authCertificateDer;
    if (ef_ == jpki::kAuthCaCertificateEf || ef_ == jpki::kSignCaCertificateEf) return &profile_.caCertificateDer;
    return nullptr;
}

Bytes VirtualMyNumberCard::readBinary(std::size_t offset, std::size_t le) {
    const Bytes* file = selectedFile();
    if (!ef_) return status(0x6986);  // no current EF
    if (!file) return status(sw::kSecurityNotSatisfied);  // key / PIN files are not readable
    if (offset >= file->size()) return status(sw::kWrongP1P2);
    const std::size_t count = std::min(le, file->size() - offset);
    return withStatus(Bytes(file->begin() + static_cast<long>(offset),
                            file->begin() + static_cast<long>(offset + count)),
                      sw::kOk);
}

Bytes VirtualMyNumberCard::verify(const std::optional<Bytes>& pin) {
    if (ef_ == jpki::kSignPinEf)  // no signing certificate on a demo card: its PIN cannot be used
        return pin ? status(sw::kConditionsNotSatisfied) : status(sw::kPinTriesBase | jpki::kSignPinMaxTries);
    if (ef_ != jpki::kAuthPinEf) return status(sw::kConditionsNotSatisfied);
    if (triesLeft_ == 0) return status(sw::kAuthenticationBlocked);
    if (!pin) return pinVerified_ ? status(sw::kOk) : status(static_cast<std::uint16_t>(sw::kPinTriesBase | triesLeft_));
    const bool match = pin->size() == profile_.pin.size() &&
                       CRYPTO_memcmp(pin->data(), profile_.pin.data(), pin->size()) == 0;
    if (match) {
        triesLeft_ = profile_.pinTriesMax;
        pinVerified_ = true;
    } else {
        --triesLeft_;
        pinVerified_ = false;
    }
    saveTriesLeft(profile_, triesLeft_);
    if (match) return status(sw::kOk);
    if (triesLeft_ == 0) return status(sw::kAuthenticationBlocked);
    return status(static_cast<std::uint16_t>(sw::kPinTriesBase | triesLeft_));
}

Bytes VirtualMyNumberCard::verifyCollationNumberB(const std::optional<Bytes>& number) {
    if (ef_ != card_face::kCollationNumberBEf) return status(sw::kConditionsNotSatisfied);
    if (cardFaceTriesLeft_ == 0) return status(sw::kAuthenticationBlocked);
    if (!number)
        return cardFaceVerified_ ? status(sw::kOk) : status(static_cast<std::uint16_t>(sw::kPinTriesBase | cardFaceTriesLeft_));
    const auto expected = collationNumberB(profile_);
    const bool match = number->size() == expected.size() &&
                       CRYPTO_memcmp(number->data(), expected.data(), expected.size()) == 0;
    cardFaceTriesLeft_ = match ? profile_.cardFaceTriesMax : cardFaceTriesLeft_ - 1;
    cardFaceVerified_ = match;
    saveCardFaceTriesLeft(profile_, cardFaceTriesLeft_);
    if (match) return status(sw::kOk);
    if (cardFaceTriesLeft_ == 0) return status(sw::kAuthenticationBlocked);
    return status(static_cast<std::uint16_t>(sw::kPinTriesBase | cardFaceTriesLeft_));
}

Bytes VirtualMyNumberCard::sign(const Bytes& digestInfo) {
    if (ef_ != jpki::kAuthKeyEf) return status(sw::kConditionsNotSatisfied);
    if (triesLeft_ == 0) return status(sw::kAuthenticationBlocked);
    if (!pinVerified_) return status(sw::kSecurityNotSatisfied);
    auto* key = static_cast<EVP_PKEY*>(key_);
    if (digestInfo.empty() || digestInfo.size() > static_cast<std::size_t>(EVP_PKEY_get_size(key)) - 11)
        return status(sw::kWrongLength);
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new(key, nullptr);
    Bytes signature(static_cast<std::size_t>(EVP_PKEY_get_size(key)));
    std::size_t length = signature.size();
    const bool signed_ = context && EVP_PKEY_sign_init(context) == 1 &&
                         EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1 &&
                         EVP_PKEY_sign(context, signature.data(), &length, digestInfo.data(), digestInfo.size()) == 1;
    EVP_PKEY_CTX_free(context);
    if (!signed_) return status(sw::kWrongData);
    signature.resize(length);
    return withStatus(std::move(signature), sw::kOk);
}

}  // namespace madoguchi::card::sim
