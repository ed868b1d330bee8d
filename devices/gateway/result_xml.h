#pragma once
// Reading the online-qualification results (DOMAIN.md §9.2): 照会 answers and face/ files, the
// bulk result (OQSmuquc02res, one answer per person), the bulk upload result (OQSmuquc01res) and
// the 照会番号 registration result (OQSsiimm01res). All share one element table and one reader.
#include <string_view>

#include "devices/gateway/gateway_messages.h"
#include "devices/gateway/message_reader.h"
#include "domain/eligibility.h"
#include "domain/outcome.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

// Honours the prolog's encoding (UTF-8 or Shift_JIS/CP932), never CharacterCodeIdentifier.
// Malformed, truncated, oversized or hostile input (DOCTYPE, entities, deep nesting) is a Problem.
Outcome<EligibilityResult> parseResultXml(std::string_view bytes, const CodeTables& codes);
Outcome<BulkResult> parseBulkResult(std::string_view bytes, const CodeTables& codes);
Outcome<BulkUploadResult> parseBulkUploadResult(std::string_view bytes, const CodeTables& codes);
Outcome<RegistrationResult> parseRegistrationResult(std::string_view bytes, const CodeTables& codes);

}  // namespace madoguchi::gateway
