#pragma once
// The APDU behaviour of a My Number card's JPKI-AP (what PcscMyNumberCard and OpenSC's
// JPKI driver send) and its 券面事項確認AP (照合番号B, the card-face file with the portrait),
// with real status words. Pure logic: vpcd_client.h puts it on the wire.
// The 券面事項入力補助AP is not on this card: a SELECT of it is refused (6A82) and reported on
// the log as "REFUSED", so that tests can assert Madoguchi never asks for it.
#include <cstddef>
#include <optional>
#include <ostream>

#include "devices/card/sim/card_profile.h"

namespace madoguchi::card::sim {

class VirtualMyNumberCard {
public:
    explicit VirtualMyNumberCard(CardProfile profile);
    ~VirtualMyNumberCard();
    VirtualMyNumberCard(const VirtualMyNumberCard&) = delete;
    VirtualMyNumberCard& operator=(const VirtualMyNumberCard&) = delete;

    Bytes answer(const Bytes& command);  // R-APDU: data + SW1 SW2
    void reset();                        // power off / on / reset: selection and PIN state cleared
    int triesLeft() const { return triesLeft_; }
    int cardFaceTriesLeft() const { return cardFaceTriesLeft_; }
    // Every SELECT by AID goes to this log (AID and status word; never any VERIFY data).
    void setLog(std::ostream* log) { log_ = log; }

private:
    enum class Ap { None, Jpki, CardFace };
    Bytes select(std::uint8_t p1, const Bytes& data);
    Bytes readBinary(std::size_t offset, std::size_t le);
    Bytes selectApplication(const Bytes& aid);
    Bytes selectEf(std::uint16_t id);
    Bytes verify(const std::optional<Bytes>& pin);
    Bytes verifyCollationNumberB(const std::optional<Bytes>& number);
    Bytes sign(const Bytes& digestInfo);
    const Bytes* selectedFile() const;

    CardProfile profile_;
    void* key_ = nullptr;  // EVP_PKEY
    int triesLeft_;
    Ap ap_ = Ap::None;
    std::optional<std::uint16_t> ef_;
    bool pinVerified_ = false;
    Bytes cardFaceEntries_;  // EF 0002 of the 券面事項確認AP, built from the profile
    int cardFaceTriesLeft_;
    bool cardFaceVerified_ = false;
    std::ostream* log_ = nullptr;
};

}  // namespace madoguchi::card::sim
