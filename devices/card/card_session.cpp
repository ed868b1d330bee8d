#include "devices/card/card_session.h"

namespace madoguchi::card {

Outcome<std::unique_ptr<PcscCardSession>> PcscCardSession::open(PcscContext& context, const std::string& reader) {
    auto connected = context.connect(reader);
    if (!connected) return connected.problem();
    return std::unique_ptr<PcscCardSession>(new PcscCardSession(std::move(connected).value()));
}

}  // namespace madoguchi::card
