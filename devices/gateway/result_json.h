#pragma once
// An EligibilityResult as JSON whose keys are the XML element names (`oqs parse`, exports).
// A coded element becomes {"code", "label"}, a date YYYY-MM-DD, a time YYYY-MM-DDTHH:MM:SS.
#include <Poco/JSON/Object.h>

#include "domain/eligibility.h"

namespace madoguchi::gateway {

Poco::JSON::Object::Ptr resultToJson(const EligibilityResult& result);

}  // namespace madoguchi::gateway
