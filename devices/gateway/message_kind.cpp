#include "devices/gateway/message_kind.h"

#include <array>
#include <filesystem>
#include <utility>

#include "devices/gateway/bulk_answer.h"
#include "devices/gateway/request_xml.h"
#include "devices/gateway/result_json.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/zip_entries.h"

namespace madoguchi::gateway {
namespace {

constexpr std::array<std::pair<std::string_view, MessageKind>, 9> kPrefixes{{
    {"OQSsiquc01res_", MessageKind::Result},
    {"OQSsiquc01req_", MessageKind::QueryRequest},
    {"OQSmuquc01req_", MessageKind::QueryRequest},
    {"OQSmuquc01res_", MessageKind::BulkUploadResult},
    {"OQSmuquc02req_", MessageKind::BulkDownloadRequest},
    {"OQSmuquc02res_", MessageKind::BulkResult},
    {"OQSsiimm01req_", MessageKind::RegistrationRequest},
    {"OQSmuimm01req_", MessageKind::RegistrationRequest},
    {"OQSsiimm01res_", MessageKind::RegistrationResult},
}};

bool carries(std::string_view bytes, std::string_view element) {
    return bytes.find("<" + std::string(element)) != std::string_view::npos;
}

// Element names are ASCII, so this holds for Shift_JIS files as well.
MessageKind kindByContent(std::string_view bytes) {
    if (looksLikeZip(bytes) || carries(bytes, "BulkConfirmUnit")) return MessageKind::BulkResult;  // only bulk answers come zipped
    bool status = carries(bytes, "ProcessingResultStatus") || carries(bytes, "SegmentOfResult");
    if (carries(bytes, "ReferenceNumberRegistrationInfo"))
        return status ? MessageKind::RegistrationResult : MessageKind::RegistrationRequest;
    if (carries(bytes, "ReceptionNumber"))
        return status || carries(bytes, "ReceptionDateTime") ? MessageKind::BulkUploadResult : MessageKind::BulkDownloadRequest;
    // A result echoes the request's QualificationConfirmSearchInfo (ReferenceClassification 2).
    if (carries(bytes, "ResultOfQualificationConfirmation") || carries(bytes, "QualificationValidity") || status)
        return MessageKind::Result;
    if (carries(bytes, "QualificationConfirmSearchInfo")) return MessageKind::QueryRequest;
    return MessageKind::Result;
}

template <class Message>
Outcome<Poco::JSON::Object::Ptr> asJson(const Outcome<Message>& parsed,
                                        Poco::JSON::Object::Ptr (*toJson)(const Message&)) {
    if (!parsed) return parsed.problem();
    return toJson(parsed.value());
}

Outcome<Poco::JSON::Object::Ptr> parsedAsJson(MessageKind kind, std::string_view bytes, const CodeTables& codes) {
    switch (kind) {
        case MessageKind::Result: return asJson(parseResultXml(bytes, codes), &resultToJson);
        case MessageKind::QueryRequest: return asJson(parseQueryRequest(bytes), &queryRequestToJson);
        case MessageKind::BulkUploadResult: return asJson(parseBulkUploadResult(bytes, codes), &bulkUploadResultToJson);
        case MessageKind::BulkDownloadRequest: return asJson(parseBulkDownloadRequest(bytes), &bulkDownloadRequestToJson);
        case MessageKind::BulkResult: return asJson(parseBulkAnswer(bytes, codes), &bulkResultToJson);  // .xml or .zip
        case MessageKind::RegistrationRequest: return asJson(parseRegistrationRequest(bytes), &registrationRequestToJson);
        case MessageKind::RegistrationResult: return asJson(parseRegistrationResult(bytes, codes), &registrationResultToJson);
    }
    return asJson(parseResultXml(bytes, codes), &resultToJson);
}

}  // namespace

const char* messageKindName(MessageKind kind) {
    switch (kind) {
        case MessageKind::Result: return "result";
        case MessageKind::QueryRequest: return "query_request";
        case MessageKind::BulkUploadResult: return "bulk_upload_result";
        case MessageKind::BulkDownloadRequest: return "bulk_download_request";
        case MessageKind::BulkResult: return "bulk_result";
        case MessageKind::RegistrationRequest: return "registration_request";
        case MessageKind::RegistrationResult: return "registration_result";
    }
    return "result";
}

MessageKind detectMessageKind(const std::string& fileName, std::string_view bytes) {
    std::string name = std::filesystem::path(fileName).filename().string();
    for (const auto& [prefix, kind] : kPrefixes)
        if (name.starts_with(prefix)) return kind;
    return kindByContent(bytes);
}

Outcome<Poco::JSON::Object::Ptr> messageToJson(MessageKind kind, std::string_view bytes, const CodeTables& codes) {
    auto json = parsedAsJson(kind, bytes, codes);
    if (!json) return json;
    Poco::JSON::Object::Ptr object = json.value();
    Poco::JSON::Object::Ptr verdict = object->getObject("Madoguchi");
    if (!verdict) verdict = new Poco::JSON::Object;
    verdict->set("message", messageKindName(kind));
    object->set("Madoguchi", verdict);
    return object;
}

}  // namespace madoguchi::gateway
