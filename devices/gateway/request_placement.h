#pragma once
// Placing a request in req/ and reading its answer, for every request kind (single 照会, bulk
// upload and download): the name from the shared counter (request_counter.h), the message in the
// site's encoding, a temporary file beside req/ moved in without replacing anything, and the
// answer's still-being-written rule. The refused-answers log lives here too.
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "devices/gateway/folder_layout.h"
#include "devices/gateway/gateway_messages.h"
#include "devices/gateway/message_reader.h"
#include "devices/gateway/request_counter.h"
#include "devices/gateway/request_encoding.h"
#include "domain/outcome.h"
#include "domain/ports/clock.h"

namespace madoguchi::gateway {

// An answer that does not parse and was modified this recently is taken as still being written.
inline constexpr auto kStillWritingGrace = std::chrono::seconds(3);

// "OQSsiquc01req_202611250001.xml" → "OQSsiquc01res_202611250001.xml"
std::string answerNameFor(const std::string& requestName);
// The 12 digits of "OQSsiquc01req_202611250001.xml".
std::string requestStem(const std::string& requestName);

// The encoding a request is written in: the setting, or the site's results' when it follows them.
PrologEncoding encodingFor(RequestEncoding setting, const FolderLayout& layout);

// Problem "gateway.not_cp932" naming the first element of the person a Shift_JIS request cannot carry.
std::optional<Problem> cp932ProblemIn(const SearchInfo& person);

// True when the name is taken in any form: the request in req/ or back in res/, its answer
// (.xml, or .zip for a bulk download), or its .err.
bool requestNameTaken(const FolderLayout& layout, const std::string& requestName);

struct PlacedRequest {
    std::string name;            // "OQSmuquc01req_202611250003.xml"
    std::string fileIdentifier;  // the header's ArbitraryFileIdentifier
};

// Writes the message messageFor(fileIdentifier) (UTF-8; re-encoded to `encoding`) as
// prefix + yyyyMMdd + NNNN + ".xml": the number from the counter, skipping names taken or that
// alsoTaken reports; a name taken meanwhile by another PC makes it try the next number.
Outcome<PlacedRequest> placeRequest(const FolderLayout& layout, RequestCounter& counter, std::string_view prefix,
                                    const std::string& day, PrologEncoding encoding,
                                    const std::function<std::string(const std::string&)>& messageFor,
                                    const std::function<bool(const std::string&)>& alsoTaken = {});

// True while the file was modified within kStillWritingGrace.
bool modifiedRecently(const std::filesystem::path& path);

// A line in ROOT/.madoguchi/refused-answers.log (time, file name, why; 0600, no personal data).
void logRefusedAnswer(const FolderLayout& layout, const Clock& clock, const std::string& answerName,
                      const std::string& why);

}  // namespace madoguchi::gateway
