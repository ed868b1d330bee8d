#pragma once
// Writing gateway messages: the single 照会 request (DOMAIN.md §9.1) and, for the simulator and
// tests, the result XML (§9.2). Reading the request back is the simulator's side.
#include <string>
#include <string_view>

#include "domain/eligibility.h"
#include "domain/outcome.h"
#include "domain/ports/eligibility_gateway.h"

namespace madoguchi::gateway {

// OQSsiquc01 request, UTF-8. InsurerNumber right-aligned to 8 with spaces.
std::string singleQueryRequestXml(const NumberQuery& query, const std::string& medicalInstitutionCode);

struct ReceivedQuery {
    std::string insurerNumber, symbol, number, branch, birthdate, confirmationDate;
    std::string medicalInstitutionCode, arbitraryIdentifier;
};
Outcome<ReceivedQuery> parseSingleQueryRequest(std::string_view bytes);

// The result XML with every field of EligibilityResult (empty ones written empty).
std::string resultXml(const EligibilityResult& result);

}  // namespace madoguchi::gateway
