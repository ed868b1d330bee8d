#pragma once
// An EligibilityResult as JSON whose keys are the XML element names (`oqs parse`, exports).
// A coded element becomes {"code", "label"}, a date YYYY-MM-DD, a time YYYY-MM-DDTHH:MM:SS.
#include <Poco/JSON/Object.h>

#include "devices/gateway/gateway_messages.h"
#include "domain/eligibility.h"

namespace madoguchi::gateway {

Poco::JSON::Object::Ptr resultToJson(const EligibilityResult& result);
Poco::JSON::Object::Ptr queryRequestToJson(const QueryRequest& request);
Poco::JSON::Object::Ptr bulkUploadResultToJson(const BulkUploadResult& result);
Poco::JSON::Object::Ptr bulkDownloadRequestToJson(const BulkDownloadRequest& request);
Poco::JSON::Object::Ptr bulkResultToJson(const BulkResult& result);
Poco::JSON::Object::Ptr registrationRequestToJson(const RegistrationRequest& request);
Poco::JSON::Object::Ptr registrationResultToJson(const RegistrationResult& result);

}  // namespace madoguchi::gateway
