#pragma once
// Which online-qualification message a file holds (`oqs parse`, the fuzzers): by the file name's
// prefix when it has a known one, else by the elements its body carries.
#include <Poco/JSON/Object.h>
#include <string>
#include <string_view>

#include "domain/outcome.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

enum class MessageKind {
    Result,               // OQSsiquc01res_…, face files (OQSsiquc01res_face_…)
    QueryRequest,         // OQSsiquc01req_…, OQSmuquc01req_…
    BulkUploadResult,     // OQSmuquc01res_…
    BulkDownloadRequest,  // OQSmuquc02req_…
    BulkResult,           // OQSmuquc02res_…
    RegistrationRequest,  // OQSsiimm01req_…, OQSmuimm01req_…
    RegistrationResult,   // OQSsiimm01res_…
};

const char* messageKindName(MessageKind kind);  // "result", "query_request", …

// fileName may be a path; only its last component counts.
MessageKind detectMessageKind(const std::string& fileName, std::string_view bytes);

// Parses the message as `kind` and gives it as JSON whose keys are the element names.
Outcome<Poco::JSON::Object::Ptr> messageToJson(MessageKind kind, std::string_view bytes, const CodeTables& codes);

}  // namespace madoguchi::gateway
