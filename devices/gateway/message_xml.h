#pragma once
// Writing gateway messages (UTF-8): the requests a facility sends (single and bulk 照会, bulk
// download, 照会番号 registration; DOMAIN.md §9.1) and, for the simulator and tests, the results
// (§9.2, bulk, upload, registration). Requests keep the element order of the interface; insurer
// numbers are written right-aligned to 8 with spaces. Readers: result_xml.h, request_xml.h.
#include <string>

#include "devices/gateway/gateway_messages.h"
#include "domain/eligibility.h"
#include "domain/outcome.h"
#include "domain/ports/eligibility_gateway.h"

namespace madoguchi::gateway {

// An insurer number as requests carry it: right-aligned to 8 with spaces (unchanged when unreadable).
std::string gatewayInsurer(const std::string& insurerNumber);

// The person of a number-based 照会 (ArbitraryIdentifier: the query's, i.e. the visit id).
SearchInfo searchInfoOf(const NumberQuery& query);
// OQSsiquc01 request, UTF-8. InsurerNumber right-aligned to 8 with spaces; fileIdentifier goes
// into the header's ArbitraryFileIdentifier.
std::string singleQueryRequestXml(const NumberQuery& query, const std::string& medicalInstitutionCode,
                                  const std::string& fileIdentifier);

std::string queryRequestXml(const QueryRequest& request);  // OQSsiquc01req / OQSmuquc01req
std::string bulkDownloadRequestXml(const BulkDownloadRequest& request);  // OQSmuquc02req
std::string registrationRequestXml(const RegistrationRequest& request);  // OQSsiimm01req / OQSmuimm01req

// The result XML with every field of EligibilityResult (empty ones written empty).
std::string resultXml(const EligibilityResult& result);
std::string bulkResultXml(const BulkResult& result);                    // OQSmuquc02res
std::string bulkUploadResultXml(const BulkUploadResult& result);        // OQSmuquc01res
std::string registrationResultXml(const RegistrationResult& result);    // OQSsiimm01res

}  // namespace madoguchi::gateway
