#include "gui/app/reader_card_taps.h"

#include "devices/card/card_session.h"

namespace madoguchi::gui {
namespace {

constexpr auto kWaitSlice = std::chrono::seconds(1);

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

void ReaderCardTaps::start(std::function<void(Arrival)> deliver) {
    stopping_ = false;
    thread_ = std::thread([this, deliver = std::move(deliver)] { watch(deliver); });
}

void ReaderCardTaps::stop() {
    stopping_ = true;
    {
        std::lock_guard lock(contextMutex_);
        if (watching_) watching_->cancel();
    }
    if (thread_.joinable()) thread_.join();
}

void ReaderCardTaps::watch(const std::function<void(Arrival)>& deliver) {
    while (!stopping_) {
        auto established = card::PcscContext::establish();
        if (!established) {  // no PC/SC service yet: try again shortly
            std::this_thread::sleep_for(kWaitSlice);
            continue;
        }
        std::unique_ptr<card::PcscContext> context = std::move(established).value();
        {
            std::lock_guard lock(contextMutex_);
            watching_ = context.get();
        }
        while (!stopping_) {
            auto reader = context->waitForCard(kWaitSlice);
            if (!reader) {
                if (reader.problem().code != "card.timeout") std::this_thread::sleep_for(kWaitSlice);
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
                    deliver(std::move(arrival));
                }
            }
            while (!stopping_) {  // one arrival per placement
                auto removed = context->waitForRemoval(reader.value(), kWaitSlice);
                if (removed || removed.problem().code != "card.timeout") break;
            }
        }
        std::lock_guard lock(contextMutex_);
        watching_ = nullptr;
    }
}

}  // namespace madoguchi::gui
