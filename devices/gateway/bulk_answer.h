#pragma once
// A bulk 照会 answer file (OQSmuquc02res) as the terminal leaves it: the XML itself, or a .zip
// holding it (INTEROP.md §4). Whether it is a zip is judged by its first bytes, not its name.
#include <string_view>

#include "devices/gateway/gateway_messages.h"
#include "domain/outcome.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

// A zip's .xml entries (zip_entries.h limits) are read as one bulk result each and their units
// joined, in archive order; they must name the same ReceptionNumber. A zip without an .xml entry,
// or an entry that is not a bulk result, is a Problem.
Outcome<BulkResult> parseBulkAnswer(std::string_view bytes, const CodeTables& codes);

}  // namespace madoguchi::gateway
