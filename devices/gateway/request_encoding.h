#pragma once
// The encoding requests are written in (DOMAIN.md §9, INTEROP.md §1): a facility setting, UTF-8
// or Shift_JIS (CP932) with standalone="no" as deployed software writes it. By default it follows
// the encoding of the results the site's terminal sends.
#include <optional>
#include <string>
#include <string_view>

#include "devices/gateway/folder_layout.h"
#include "devices/gateway/message_reader.h"
#include "domain/outcome.h"

namespace madoguchi::gateway {

enum class RequestEncoding { FollowResults, Utf8, ShiftJis };

// "auto" (FollowResults), "utf-8", "shift_jis"; nullopt for anything else.
std::optional<RequestEncoding> requestEncodingFromName(std::string_view name);
const char* requestEncodingName(RequestEncoding encoding);

// The encoding of the newest result the terminal left in res/ or face/ (by modification time);
// UTF-8 when there is none or it cannot be told.
PrologEncoding siteResultEncoding(const FolderLayout& layout);

// Problem "gateway.not_cp932" naming the field when its text holds a character CP932 cannot hold.
std::optional<Problem> cp932Problem(const std::string& field, const std::string& utf8);

// UTF-8 text as CP932 bytes; Problem "gateway.not_cp932" when a character cannot be held.
Outcome<std::string> toShiftJis(const std::string& utf8);

// A message written by message_xml (UTF-8) re-encoded: unchanged for UTF-8; for Shift_JIS the
// declaration becomes <?xml version="1.0" encoding="Shift_JIS" standalone="no"?> and the rest CP932.
// Problem "gateway.not_cp932" when a character cannot be held.
Outcome<std::string> encodeMessage(const std::string& utf8Xml, PrologEncoding encoding);

}  // namespace madoguchi::gateway
