#include "devices/card/pcsc_reader.h"

#include <array>

namespace madoguchi::card {

namespace {

constexpr auto kMaxResponse = 65538;  // extended length data + SW

DWORD toTimeout(std::chrono::milliseconds timeout) {
    return static_cast<DWORD>(timeout.count() < 0 ? 0 : timeout.count());
}

bool cardPresent(DWORD state) { return (state & SCARD_STATE_PRESENT) && !(state & SCARD_STATE_MUTE); }

}  // namespace

Problem problemFromPcsc(LONG result) {
    switch (result) {
        case SCARD_E_NO_SERVICE:
        case SCARD_E_SERVICE_STOPPED:
            return {"card.no_service", N_("The smart card service (pcscd) is not running. Start it and try again.")};
        case SCARD_E_NO_READERS_AVAILABLE:
        case SCARD_E_UNKNOWN_READER:
        case SCARD_E_READER_UNAVAILABLE:
            return {"card.no_reader", N_("No card reader is connected. Connect the reader and try again.")};
        case SCARD_W_REMOVED_CARD:
        case SCARD_E_NO_SMARTCARD:
            return {"card.removed", N_("The card was removed. Place the card on the reader again and keep it there.")};
        case SCARD_W_RESET_CARD:
            return {"card.reset", N_("The card was reset by another program. Place the card again.")};
        case SCARD_E_SHARING_VIOLATION:
            return {"card.sharing_violation", N_("Another program is using the card reader. Close it and try again.")};
        case SCARD_E_TIMEOUT:
            return {"card.timeout", N_("No card was placed on the reader in time.")};
        case SCARD_E_CANCELLED:
            return {"card.cancelled", N_("Waiting for the card was cancelled.")};
        case SCARD_W_UNRESPONSIVE_CARD:
        case SCARD_W_UNPOWERED_CARD:
        case SCARD_E_PROTO_MISMATCH:
            return {"card.unresponsive", N_("The card does not respond. Place it flat on the reader and try again.")};
        default:
            return {"card.io", N_("The card reader reported an error. Place the card again; if it persists, reconnect the reader.")};
    }
}

Outcome<std::unique_ptr<PcscContext>> PcscContext::establish() {
    SCARDCONTEXT context = 0;
    const LONG result = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (result != SCARD_S_SUCCESS) return problemFromPcsc(result);
    return std::unique_ptr<PcscContext>(new PcscContext(context));
}

PcscContext::~PcscContext() { SCardReleaseContext(context_); }

void PcscContext::cancel() { SCardCancel(context_); }

Outcome<std::vector<std::string>> PcscContext::listReaders() {
    DWORD length = 0;
    LONG result = SCardListReaders(context_, nullptr, nullptr, &length);
    if (result != SCARD_S_SUCCESS) return problemFromPcsc(result);
    std::string buffer(length, '\0');
    result = SCardListReaders(context_, nullptr, buffer.data(), &length);
    if (result != SCARD_S_SUCCESS) return problemFromPcsc(result);
    std::vector<std::string> readers;
    for (std::size_t start = 0; start < buffer.size() && buffer[start] != '\0';) {
        const auto end = buffer.find('\0', start);
        readers.push_back(buffer.substr(start, end - start));
        start = end + 1;
    }
    if (readers.empty()) return problemFromPcsc(SCARD_E_NO_READERS_AVAILABLE);
    return readers;
}

Outcome<std::string> PcscContext::waitForCard(std::chrono::milliseconds timeout) {
    auto readers = listReaders();
    if (!readers) return readers.problem();
    std::vector<SCARD_READERSTATE> states(readers.value().size());
    for (std::size_t i = 0; i < states.size(); ++i) {
        states[i].szReader = readers.value()[i].c_str();
        states[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        const LONG result = SCardGetStatusChange(context_, toTimeout(left), states.data(), static_cast<DWORD>(states.size()));
        if (result != SCARD_S_SUCCESS) return problemFromPcsc(result);
        for (const auto& state : states)
            if (cardPresent(state.dwEventState)) return std::string(state.szReader);
        for (auto& state : states) state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
    }
}

Outcome<bool> PcscContext::waitForRemoval(const std::string& reader, std::chrono::milliseconds timeout) {
    SCARD_READERSTATE state{};
    state.szReader = reader.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        const LONG result = SCardGetStatusChange(context_, toTimeout(left), &state, 1);
        if (result != SCARD_S_SUCCESS) return problemFromPcsc(result);
        if (state.dwEventState & SCARD_STATE_EMPTY) return true;
        state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
    }
}

Outcome<std::unique_ptr<PcscReader>> PcscContext::connect(const std::string& reader) {
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    const LONG result = SCardConnect(context_, reader.c_str(), SCARD_SHARE_EXCLUSIVE,
                                     SCARD_PROTOCOL_T1 | SCARD_PROTOCOL_T0, &card, &protocol);
    if (result != SCARD_S_SUCCESS) return problemFromPcsc(result);
    return std::unique_ptr<PcscReader>(new PcscReader(context_, card, protocol, reader));
}

// The reset drops the card's security state: a PIN verified during the check does not outlive it.
PcscReader::~PcscReader() { SCardDisconnect(card_, SCARD_RESET_CARD); }

Outcome<ResponseApdu> PcscReader::transmit(const CommandApdu& command) {
    auto encoded = command.encode();
    const SCARD_IO_REQUEST* pci = protocol_ == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    Bytes raw(kMaxResponse);
    DWORD length = static_cast<DWORD>(raw.size());
    ++apduCount_;
    const LONG result = SCardTransmit(card_, pci, encoded.data(), static_cast<DWORD>(encoded.size()), nullptr,
                                      raw.data(), &length);
    wipe(encoded);  // VERIFY carries a PIN or a 照合番号B
    if (result != SCARD_S_SUCCESS) return problemFromPcsc(cardGoneOr(result));
    raw.resize(length);
    if (raw.size() < 2) return problemFromPcsc(cardGoneOr(SCARD_W_UNRESPONSIVE_CARD));
    auto response = ResponseApdu::decode(raw);
    wipe(raw);  // READ BINARY of the card face carries the portrait
    return response;
}

// A transmit cut short (SCARD_E_NOT_TRANSACTED, a communication error, or an answer without a
// status word, as vpcd gives when the card goes mid-command) usually means the card left the field: ask the reader (briefly, pcscd notices a removal within its polling period) so
// that the receptionist hears "the card was removed" rather than a generic error.
LONG PcscReader::cardGoneOr(LONG result) const {
    if (result == SCARD_W_REMOVED_CARD || result == SCARD_E_NO_SERVICE || result == SCARD_E_SHARING_VIOLATION)
        return result;
    SCARD_READERSTATE state{};
    state.szReader = name_.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    for (int round = 0; round < 2; ++round) {
        if (SCardGetStatusChange(context_, round == 0 ? 0 : 1000, &state, 1) != SCARD_S_SUCCESS) break;
        if (state.dwEventState & SCARD_STATE_EMPTY) return SCARD_W_REMOVED_CARD;
        state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
    }
    return result;
}

Outcome<bool> PcscReader::reconnect() {
    DWORD protocol = 0;
    const LONG result = SCardReconnect(card_, SCARD_SHARE_EXCLUSIVE, SCARD_PROTOCOL_T1 | SCARD_PROTOCOL_T0,
                                       SCARD_RESET_CARD, &protocol);
    if (result != SCARD_S_SUCCESS) return problemFromPcsc(result);
    protocol_ = protocol;
    return true;
}

}  // namespace madoguchi::card
