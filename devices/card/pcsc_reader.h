#pragma once
// PC/SC adapter over libpcsclite: readers, card presence, connect / transmit / reconnect.
// Every failure becomes a domain Problem a receptionist can read; no call waits forever
// (waits take a timeout and PcscContext::cancel() ends them from another thread).
#include <winscard.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "devices/card/apdu.h"
#include "domain/outcome.h"
#include "domain/ports/card_reader.h"

namespace madoguchi::card {

// What PcscMyNumberCard sends its APDUs through (PcscReader; the tests' recorders).
class ApduTransport {
public:
    virtual ~ApduTransport() = default;
    virtual Outcome<ResponseApdu> transmit(const CommandApdu& command) = 0;
};

Problem problemFromPcsc(LONG result);

class PcscReader;

class PcscContext final : public CardWatch {
public:
    static Outcome<std::unique_ptr<PcscContext>> establish();
    ~PcscContext() override;
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;

    Outcome<std::vector<std::string>> listReaders();
    // Blocks until a card is present in one of the readers (returns its name), the timeout
    // passes, or cancel() is called. Call it off the GUI thread.
    Outcome<std::string> waitForCard(std::chrono::milliseconds timeout) override;
    // Blocks until the card leaves `reader` (true), or the timeout passes / cancel().
    Outcome<bool> waitForRemoval(const std::string& reader, std::chrono::milliseconds timeout) override;
    // Ends a pending wait from any thread.
    void cancel() override;

    // Exclusive: while the reader object lives no other program can talk to the card (nothing can
    // slip a command in between VERIFY and the signature). Its destructor resets the card.
    Outcome<std::unique_ptr<PcscReader>> connect(const std::string& reader);

private:
    explicit PcscContext(SCARDCONTEXT context) : context_(context) {}
    SCARDCONTEXT context_;
};

class PcscReader final : public ApduTransport {
public:
    ~PcscReader() override;
    PcscReader(const PcscReader&) = delete;
    PcscReader& operator=(const PcscReader&) = delete;

    Outcome<ResponseApdu> transmit(const CommandApdu& command) override;
    // After a reset or a removed-and-reinserted card.
    Outcome<bool> reconnect();
    const std::string& name() const { return name_; }
    std::size_t apduCount() const { return apduCount_; }

private:
    friend class PcscContext;
    LONG cardGoneOr(LONG result) const;
    PcscReader(SCARDCONTEXT context, SCARDHANDLE card, DWORD protocol, std::string name)
        : context_(context), card_(card), protocol_(protocol), name_(std::move(name)) {}
    SCARDCONTEXT context_;  // owned by the PcscContext, which must outlive the reader
    SCARDHANDLE card_;
    DWORD protocol_;
    std::string name_;
    std::size_t apduCount_ = 0;
};

}  // namespace madoguchi::card
