#pragma once
// The element names of the result XML and where each lands in EligibilityResult: one table
// serves the parser and the JSON writer.
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "domain/eligibility.h"

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

}  // namespace madoguchi::gateway::fields
