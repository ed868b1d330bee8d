#pragma once
// The APDU behaviour of a My Number card's JPKI-AP (what PcscMyNumberCard and OpenSC's
// JPKI driver send), with real status words. Pure logic: vpcd_client.h puts it on the wire.
#include <cstddef>
#include <optional>

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

private:
    enum class Ap { None, Jpki };
    Bytes select(std::uint8_t p1, const Bytes& data);
    Bytes readBinary(std::size_t offset, std::size_t le);
    Bytes verify(const std::optional<Bytes>& pin);
    Bytes sign(const Bytes& digestInfo);
    const Bytes* selectedFile() const;

    CardProfile profile_;
    void* key_ = nullptr;  // EVP_PKEY
    int triesLeft_;
    Ap ap_ = Ap::None;
    std::optional<std::uint16_t> ef_;
    bool pinVerified_ = false;
};

}  // namespace madoguchi::card::sim
