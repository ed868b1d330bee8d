#include "gui/app/reader_card_taps.h"

#include "devices/card/card_session.h"
#include "gui/app/background_work.h"

namespace madoguchi::gui {
namespace {

constexpr auto kWaitSlice = std::chrono::milliseconds(1000);

class PcscTappedCard : public TappedCard {
public:
    PcscTappedCard(std::unique_ptr<card::PcscContext> context, std::unique_ptr<card::PcscCardSession> session,
                   std::string reader)
        : context_(std::move(context)), session_(std::move(session)), reader_(std::move(reader)) {}
    CardReader& reader() override { return session_->card(); }
    std::string description() const override { return reader_; }

private:
    std::unique_ptr<card::PcscContext> context_;  // outlives the session on it
    std::unique_ptr<card::PcscCardSession> session_;
    std::string reader_;
};

}  // namespace

void ReaderCardTaps::watch(std::stop_token stop, const std::function<void(Arrival)>& emit) {
    const std::stop_callback cancelWait(stop, [this] {
        std::lock_guard lock(contextMutex_);
        if (watching_) watching_->cancel();
    });
    while (!stop.stop_requested()) {
        auto established = card::PcscContext::establish();
        if (!established) {  // no PC/SC service yet: try again shortly
            waitUnlessStopped(stop, kWaitSlice);
            continue;
        }
        std::unique_ptr<card::PcscContext> context = std::move(established).value();
        {
            std::lock_guard lock(contextMutex_);
            watching_ = context.get();
        }
        watchContext(*context, stop, emit);
        std::lock_guard lock(contextMutex_);
        watching_ = nullptr;
    }
}

void ReaderCardTaps::watchContext(card::PcscContext& context, const std::stop_token& stop,
                                  const std::function<void(Arrival)>& emit) {
    while (!stop.stop_requested()) {
        auto reader = context.waitForCard(kWaitSlice);
        if (!reader) {
            if (reader.problem().code != "card.timeout") waitUnlessStopped(stop, kWaitSlice);
            continue;
        }
        auto own = card::PcscContext::establish();
        if (own) {
            auto session = card::PcscCardSession::open(*own.value(), reader.value());
            if (session) {
                Arrival arrival;
                arrival.kind = Arrival::Kind::CardTap;
                arrival.at = clock_.now();
                arrival.card = std::make_shared<PcscTappedCard>(std::move(own).value(), std::move(session).value(),
                                                                reader.value());
                emit(std::move(arrival));
            }
        }
        while (!stop.stop_requested()) {  // one arrival per placement
            auto removed = context.waitForRemoval(reader.value(), kWaitSlice);
            if (removed || removed.problem().code != "card.timeout") break;
        }
    }
}

}  // namespace madoguchi::gui
