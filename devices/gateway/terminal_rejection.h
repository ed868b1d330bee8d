#pragma once
// A request the terminal rejected (INTEROP.md §1, "error answer"): the request file itself comes
// back in res/ beside a "….err" file with the reason, and no res_ file ever appears.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "devices/gateway/folder_layout.h"

namespace madoguchi::gateway {

inline constexpr std::size_t kMaxRejectionBytes = 64 * 1024;
inline constexpr std::size_t kMaxRejectionCharacters = 500;

// The reason in an .err file as UTF-8 text for the window: UTF-8 when the bytes are valid UTF-8,
// else read as Shift_JIS (CP932); control characters become spaces, runs of white space one space,
// at most kMaxRejectionCharacters characters. Never fails; empty bytes give "".
std::string rejectionText(std::string_view bytes);

// "OQSsiquc01req_202611250001.xml" → "res/OQSsiquc01req_202611250001.err"
std::filesystem::path rejectionFileFor(const FolderLayout& layout, const std::string& requestName);

struct Rejection {
    std::string reason;  // rejectionText of the .err file; "" when the terminal gave none
};

// The terminal's rejection of requestName, once its .err file is readable, or once the returned
// request has stood alone in res/ longer than the grace period; nullopt otherwise.
std::optional<Rejection> findRejection(const FolderLayout& layout, const std::string& requestName);

}  // namespace madoguchi::gateway
