#pragma once
// The element names of the result XML and where each lands in EligibilityResult: one table
// serves the parser and the JSON writer.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "devices/gateway/gateway_messages.h"
#include "domain/eligibility.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway::fields {

template <class Owner>
using TextFields = std::map<std::string_view, std::string Owner::*>;
template <class Owner>
using CodedFields = std::map<std::string_view, std::pair<CodedValue Owner::*, const char*>>;  // member, OQSCD table

using Q = QualificationRecord;
extern const TextFields<EligibilityResult> kHeaderText, kBodyText;
extern const CodedFields<EligibilityResult> kHeaderCoded, kBodyCoded;
extern const TextFields<Q> kRecordText;
extern const CodedFields<Q> kRecordCoded;
extern const std::map<std::string_view, ConsentState Q::*> kConsents;  // element prefix (both 薬剤 spellings)
extern const TextFields<ElderlyRecipientInfo> kElderlyText;
extern const TextFields<LimitApplicationInfo> kLimitText;
extern const CodedFields<LimitApplicationInfo> kLimitCoded;
extern const TextFields<SpecificDiseaseInfo> kDiseaseText;
extern const TextFields<MedicalTicketInfo> kMedicalTicketText;

// The other messages (gateway_messages.h).
extern const TextFields<SearchInfo> kSearchInfoText;
extern const TextFields<QueryRequest> kQueryRequestHeader;
extern const TextFields<BulkUploadResult> kUploadResultBody;
extern const TextFields<BulkDownloadRequest> kDownloadRequestHeader, kDownloadRequestBody;
extern const TextFields<BulkResult> kBulkResultHeader;
extern const TextFields<ReferenceRegistration> kRegistrationText;
extern const TextFields<RegistrationRequest> kRegistrationRequestHeader;

// A code and its label (moved in, not copied), or no label when the table has no such code.
inline CodedValue codedValue(const std::string& code, std::optional<std::string> label) {
    const bool known = label.has_value();
    return CodedValue{code, known ? std::move(*label) : std::string(), known};
}

// Sets the member the table names for `name`; false when the table has no such element.
template <class Owner>
bool assignText(const TextFields<Owner>& fields, Owner& owner, const std::string& name, const std::string& value) {
    auto found = fields.find(name);
    if (found == fields.end()) return false;
    owner.*(found->second) = value;
    return true;
}

template <class Owner>
bool assignCoded(const CodedFields<Owner>& fields, Owner& owner, const std::string& name, const std::string& value,
                 const CodeTables& codes) {
    auto found = fields.find(name);
    if (found == fields.end()) return false;
    owner.*(found->second.first) = codedValue(value, codes.label(found->second.second, value));
    return true;
}

}  // namespace madoguchi::gateway::fields
