#pragma once
// Reading the requests a facility writes to req/ (the simulator's side, `oqs parse`): the 照会
// request (single or bulk), the bulk download request and the 照会番号 registration request.
// The same reader, encoding rule and limits as the results (message_reader.h).
#include <string_view>

#include "devices/gateway/gateway_messages.h"
#include "devices/gateway/medical_info_messages.h"
#include "domain/outcome.h"

namespace madoguchi::gateway {

// OQSsiquc01req / OQSmuquc01req, within kBulkMessageLimits (a bulk request asks for many people).
Outcome<QueryRequest> parseQueryRequest(std::string_view bytes);
Outcome<BulkDownloadRequest> parseBulkDownloadRequest(std::string_view bytes);  // OQSmuquc02req
Outcome<RegistrationRequest> parseRegistrationRequest(std::string_view bytes);  // OQSsiimm01req / OQSmuimm01req
Outcome<MedicalInfoRequest> parseMedicalInfoRequest(std::string_view bytes);  // YZKsiquc01req / TKKsiquc01req

}  // namespace madoguchi::gateway
