#include "gui/reception/http_card_lookup.h"

namespace madoguchi::gui {

GatewayAnswer HttpCardLookup::lookup(CardReader& card, const AuthCertificateInfo&, std::stop_token stop) {
    GatewayAnswer answer;
    auto checked = client_.check(card, stop);
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
