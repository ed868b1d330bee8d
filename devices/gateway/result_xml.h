#pragma once
// Reading the online-qualification result XML (照会 answers and face/ files, DOMAIN.md §9.2).
#include <cstddef>
#include <string_view>

#include "domain/eligibility.h"
#include "domain/outcome.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

inline constexpr std::size_t kMaxResultBytes = 16 * 1024 * 1024;  // a 1,000-person bulk result is ~3 MB
inline constexpr int kMaxElementDepth = 32;                        // real files nest 6 deep

// Honours the prolog's encoding (UTF-8 or Shift_JIS/CP932), never CharacterCodeIdentifier.
// Malformed, truncated, oversized or hostile input (DOCTYPE, entities, deep nesting) is a Problem.
Outcome<EligibilityResult> parseResultXml(std::string_view bytes, const CodeTables& codes);

}  // namespace madoguchi::gateway
