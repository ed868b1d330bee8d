#pragma once
// Reading a 特定健診 answer (TKKsiquc01res_….xml, INTEROP.md §7) with the one message reader: the
// status (ResultCode, MessageContents), the patient header (QualificationsInfo) and every
// SpecificHealthCheckupInfo (wherever it sits) with its EffectiveTime and items.
#include <string_view>

#include "devices/gateway/medical_info_messages.h"
#include "domain/outcome.h"

namespace madoguchi::gateway {

// As parseDrugInfoAnswer: malformed input or no ResultCode is a Problem; ResultCode ≠ 1 is a value.
Outcome<CheckupAnswer> parseCheckupAnswer(std::string_view bytes);

}  // namespace madoguchi::gateway
