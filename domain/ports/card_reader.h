#pragma once
// Port to a My Number card on a reader (direct path, modes ②/③ and the demo).
// The 個人番号 is never part of this port.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "../date.h"
#include "../outcome.h"
#include "../secret_buffer.h"

namespace madoguchi {

struct AuthCertificateInfo {  // 利用者証明用電子証明書
    std::vector<std::uint8_t> der;
    std::string serialHex, issuer, subject;
    Date notBefore, notAfter;
};

struct PinVerification {
    bool accepted = false;
    int triesLeft = 0;  // 0 with !accepted: the card is locked
};

class CardReader {
public:
    virtual ~CardReader() = default;
    virtual Outcome<AuthCertificateInfo> readAuthCertificate() = 0;
    virtual Outcome<int> pinTriesLeft() = 0;  // without spending a try
    // The PIN buffer is wiped by the implementation after use; it is never stored or logged.
    virtual Outcome<PinVerification> verifyPin(SecretBuffer& pin) = 0;
    virtual Outcome<std::vector<std::uint8_t>> signWithAuthKey(const std::vector<std::uint8_t>& challenge) = 0;
};

// The 券面事項確認AP (card-face data): only the portrait is read, after 照合番号B (birth date
// YYMMDD + card expiry year YYYY + the 4-digit security code, 14 digits as the card face shows).
// Never the 個人番号, never the 券面事項入力補助AP.
struct PortraitRead {
    // 照合番号B accepted? If not, the tries left (0: locked). After an accepted number the card
    // restores its counter without saying to what: triesLeft is then -1.
    PinVerification verification;
    std::vector<std::uint8_t> portrait;  // JPEG 2000 on a real card; empty unless accepted; the caller wipes it
};

class CardFaceReader {
public:
    virtual ~CardFaceReader() = default;
    virtual Outcome<int> cardFaceTriesLeft() = 0;  // 照合番号B tries, without spending one
    // The 照合番号B buffer is wiped by the implementation after use; it is never stored or logged.
    virtual Outcome<PortraitRead> readPortrait(std::string& collationNumberB) = 0;
};

// Card presence on the reader(s), for the window. Waits block: call them off the GUI thread;
// cancel() ends a pending wait from any thread (Problem "card.cancelled"); a wait that runs out
// gives Problem "card.timeout". No reader / no PC/SC service are Problems too, never a hang.
class CardWatch {
public:
    virtual ~CardWatch() = default;
    // Returns the name of a reader that holds a card.
    virtual Outcome<std::string> waitForCard(std::chrono::milliseconds timeout) = 0;
    // Returns true once the card has left `reader`.
    virtual Outcome<bool> waitForRemoval(const std::string& reader, std::chrono::milliseconds timeout) = 0;
    virtual void cancel() = 0;
};

}  // namespace madoguchi
