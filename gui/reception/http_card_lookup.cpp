#include "gui/reception/http_card_lookup.h"

namespace madoguchi::gui {

Outcome<gateway::CardCheckClient*> HttpCardLookup::client() {
    std::lock_guard lock(clientMutex_);
    if (!client_) {
        auto made = gateway::makeCardCheckClient(url_, codes_, trust_, deadline_);
        if (!made) return made.problem();
        client_ = std::move(made).value();
    }
    return client_.get();
}

GatewayAnswer HttpCardLookup::lookup(CardReader& card, const AuthCertificateInfo&, std::stop_token stop) {
    GatewayAnswer answer;
    auto client = this->client();
    auto checked = client ? client.value()->check(card, stop) : Outcome<gateway::CardCheckAnswer>(client.problem());
    if (!checked) {
        answer.kind = GatewayAnswer::Kind::Failed;
        answer.failure = checked.problem().message;
        return answer;
    }
    answer.kind = GatewayAnswer::Kind::Answered;
    answer.result = std::move(checked.value().result);
    answer.rawXml = std::move(checked.value().rawXml);
    return answer;
}

}  // namespace madoguchi::gui
