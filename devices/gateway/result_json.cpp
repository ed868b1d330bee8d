#include "devices/gateway/result_json.h"

#include <Poco/JSON/Array.h>

#include "devices/gateway/result_fields.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;
using Poco::JSON::Array;
using Poco::JSON::Object;

bool endsWith(std::string_view text, std::string_view suffix) { return text.ends_with(suffix); }

// Dates and times become ISO forms; anything that does not parse stays as it was in the file.
std::string display(std::string_view name, const std::string& value) {
    if (endsWith(name, "Date") || name == "Birthdate") {
        if (auto date = Date::parseCompact(value)) return date->iso();
    } else if (endsWith(name, "Time")) {
        if (auto time = LocalDateTime::parseCompact(value)) return time->iso();
    }
    return value;
}

Object::Ptr coded(const CodedValue& value) {
    Object::Ptr json = new Object;
    json->set("code", value.raw);
    json->set("label", value.known ? Poco::Dynamic::Var(value.label) : Poco::Dynamic::Var());
    return json;
}

template <class Owner>
void putText(Object& json, const TextFields<Owner>& fields, const Owner& owner) {
    for (const auto& [name, member] : fields) json.set(std::string(name), display(name, owner.*member));
}

template <class Owner>
void putCoded(Object& json, const CodedFields<Owner>& fields, const Owner& owner) {
    for (const auto& [name, field] : fields)
        if ((owner.*(field.first)).present()) json.set(std::string(name), coded(owner.*(field.first)));
}

void putOthers(Object& json, const std::vector<std::pair<std::string, std::string>>& others) {
    if (others.empty()) return;
    Object::Ptr unknown = new Object;
    for (const auto& [path, value] : others) unknown->set(path, value);
    json.set("OtherElements", unknown);
}

void putConsents(Object& json, const QualificationRecord& record) {
    for (const auto& [prefix, member] : kConsents) {
        if (prefix == "PharmaceuticalInfo") continue;  // read as PharmacistsInfo
        const ConsentState& consent = record.*member;
        std::string name(prefix);
        if (consent.flag.present()) json.set(name + "ConsFlg", coded(consent.flag));
        json.set(name + "ConsTime", display("Time", consent.consentTime));
        json.set(name + "AvailableTime", display("Time", consent.availableTime));
    }
}

// A repeated group (特定疾病, 医療券) as an array of objects; nothing when empty.
template <class Item>
void putList(Object& json, const char* name, const std::vector<Item>& items, const TextFields<Item>& fields) {
    if (items.empty()) return;
    Array::Ptr list = new Array;
    for (const auto& each : items) {
        Object::Ptr item = new Object;
        putText(*item, fields, each);
        list->add(item);
    }
    json.set(name, list);
}

Object::Ptr recordJson(const QualificationRecord& record) {
    Object::Ptr json = new Object;
    putText(*json, kRecordText, record);
    putCoded(*json, kRecordCoded, record);
    putConsents(*json, record);
    json->set("NameContainsUnrepresentableCharacters", record.nameHasUnrepresentableCharacters);
    if (record.elderlyRecipient) {
        Object::Ptr elderly = new Object;
        putText(*elderly, kElderlyText, *record.elderlyRecipient);
        json->set("ElderlyRecipientCertificateInfo", elderly);
    }
    if (record.limitApplication) {
        Object::Ptr limit = new Object;
        putText(*limit, kLimitText, *record.limitApplication);
        putCoded(*limit, kLimitCoded, *record.limitApplication);
        json->set("LimitApplicationCertificateRelatedInfo", limit);
    }
    putList(*json, "SpecificDiseasesCertificateList", record.specificDiseases, kDiseaseText);
    putList(*json, "PublicExpenseResultList", record.medicalTickets, kMedicalTicketText);
    putOthers(*json, record.otherElements);
    return json;
}

Object::Ptr headerJson(const EligibilityResult& result) {
    Object::Ptr header = new Object;
    putText(*header, kHeaderText, result);
    putCoded(*header, kHeaderCoded, result);
    return header;
}

void putStatus(Object& json, const EligibilityResult& result) {
    putText(json, kBodyText, result);
    putCoded(json, kBodyCoded, result);
}

Object::Ptr verdictJson(const EligibilityResult& result) {  // Madoguchi's reading, apart from the file's elements
    Object::Ptr verdict = new Object;
    verdict->set("confirmed", result.isConfirmed());
    verdict->set("system_error", result.isSystemError());
    return verdict;
}

template <class Owner>
Object::Ptr textJson(const TextFields<Owner>& fields, const Owner& owner) {
    Object::Ptr json = new Object;
    putText(*json, fields, owner);
    return json;
}

// A unit's record as an object; several (not seen in practice) as an array.
void putRecords(Object& json, const std::vector<QualificationRecord>& records) {
    if (records.size() == 1) {
        json.set("ResultOfQualificationConfirmation", recordJson(records.front()));
    } else if (records.size() > 1) {
        Array::Ptr list = new Array;
        for (const auto& record : records) list->add(recordJson(record));
        json.set("ResultOfQualificationConfirmation", list);
    }
}

Object::Ptr message(const Object::Ptr& header, const Object::Ptr& body, const OtherElements& others) {
    Object::Ptr json = new Object;
    json->set("MessageHeader", header);
    json->set("MessageBody", body);
    putOthers(*json, others);
    return json;
}

}  // namespace

Poco::JSON::Object::Ptr resultToJson(const EligibilityResult& result) {
    Object::Ptr body = new Object;
    putStatus(*body, result);
    Array::Ptr list = new Array;
    for (const auto& record : result.results) list->add(recordJson(record));
    body->set("ResultList", list);
    Object::Ptr json = message(headerJson(result), body, result.otherElements);
    json->set("Madoguchi", verdictJson(result));
    return json;
}

Poco::JSON::Object::Ptr queryRequestToJson(const QueryRequest& request) {
    Array::Ptr people = new Array;
    for (const auto& person : request.people) people->add(textJson(kSearchInfoText, person));
    Object::Ptr body = new Object;
    body->set("QualificationConfirmSearchInfo", people);
    return message(textJson(kQueryRequestHeader, request), body, request.otherElements);
}

Poco::JSON::Object::Ptr bulkUploadResultToJson(const BulkUploadResult& result) {
    Object::Ptr body = textJson(kUploadResultBody, result);
    putStatus(*body, result.status);
    return message(headerJson(result.status), body, result.status.otherElements);
}

Poco::JSON::Object::Ptr bulkDownloadRequestToJson(const BulkDownloadRequest& request) {
    return message(textJson(kDownloadRequestHeader, request), textJson(kDownloadRequestBody, request),
                   request.otherElements);
}

Poco::JSON::Object::Ptr bulkResultToJson(const BulkResult& result) {
    Object::Ptr header = headerJson(result.header);
    putText(*header, kBulkResultHeader, result);
    Array::Ptr units = new Array;
    for (const auto& unit : result.units) {
        Object::Ptr json = new Object;
        json->set("QualificationConfirmSearchInfo", textJson(kSearchInfoText, unit.searched));
        putStatus(*json, unit.result);
        putRecords(*json, unit.result.results);
        json->set("ReferenceNumber", unit.referenceNumber);
        putOthers(*json, unit.result.otherElements);
        json->set("Madoguchi", verdictJson(unit.result));
        units->add(json);
    }
    Object::Ptr body = new Object;
    body->set("BulkConfirmUnit", units);
    return message(header, body, result.header.otherElements);
}

Poco::JSON::Object::Ptr registrationRequestToJson(const RegistrationRequest& request) {
    Array::Ptr entries = new Array;
    for (const auto& entry : request.entries) entries->add(textJson(kRegistrationText, entry));
    Object::Ptr body = new Object;
    body->set("ReferenceNumberRegistrationInfo", entries);
    return message(textJson(kRegistrationRequestHeader, request), body, request.otherElements);
}

Poco::JSON::Object::Ptr registrationResultToJson(const RegistrationResult& result) {
    Array::Ptr entries = new Array;
    for (const auto& entry : result.entries) entries->add(textJson(kRegistrationText, entry));
    Object::Ptr body = new Object;
    putStatus(*body, result.status);
    body->set("ReferenceNumberRegistrationInfo", entries);
    return message(headerJson(result.status), body, result.status.otherElements);
}

}  // namespace madoguchi::gateway
