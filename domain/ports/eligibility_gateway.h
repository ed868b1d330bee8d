#pragma once
// Port to the online-qualification system: number-based 照会 and results that arrive later.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "../card_numbers.h"
#include "../date.h"
#include "../eligibility.h"

namespace madoguchi {

struct NumberQuery {
    InsuranceIdentity insurance;
    Date birthDate;
    Date confirmationDate;
    bool limitApplicationConsent = false;
    std::string arbitraryIdentifier;  // echoed back; we put the visit id here
};

struct GatewayAnswer {
    enum class Kind { Answered, Pending, Failed } kind = Kind::Failed;
    std::optional<EligibilityResult> result;
    std::string rawXml;
    std::string requestId;  // the request file name; a Pending answer is attached to it later
    std::string failure;    // English msgid + detail when Failed
};

class EligibilityGateway {
public:
    virtual ~EligibilityGateway() = default;
    // Never resends: on timeout the answer is Pending and arrives through collectLateAnswers().
    virtual GatewayAnswer query(const NumberQuery& query, std::chrono::milliseconds timeout) = 0;
    virtual std::vector<GatewayAnswer> collectLateAnswers() = 0;
};

}  // namespace madoguchi
