#include "devices/gateway/terminal_rejection.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows932Encoding.h>

#include "devices/gateway/stable_file.h"

namespace madoguchi::gateway {
namespace {

constexpr auto kReturnedRequestGrace = std::chrono::seconds(5);

bool isValidUtf8(std::string_view bytes) {
    for (std::size_t at = 0; at < bytes.size();) {
        auto lead = static_cast<unsigned char>(bytes[at]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
        if (length == 0 || at + length > bytes.size()) return false;
        for (std::size_t next = 1; next < length; ++next)
            if ((static_cast<unsigned char>(bytes[at + next]) >> 6) != 2) return false;
        at += length;
    }
    return true;
}

std::string asUtf8(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (isValidUtf8(bytes)) return std::string(bytes);
    Poco::Windows932Encoding shiftJis;
    Poco::UTF8Encoding utf8;
    Poco::TextConverter converter(shiftJis, utf8, '?');
    std::string converted;
    converter.convert(bytes.data(), static_cast<int>(bytes.size()), converted);
    return converted;
}

// Control characters to spaces, runs of white space to one, trimmed, at most the limit in characters.
std::string cleaned(const std::string& utf8) {
    std::string text;
    std::size_t characters = 0;
    bool space = false;
    for (std::size_t at = 0; at < utf8.size() && characters < kMaxRejectionCharacters;) {
        auto byte = static_cast<unsigned char>(utf8[at]);
        std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
        length = std::min(length, utf8.size() - at);
        if (utf8.compare(at, 3, "\xEF\xBB\xBF") == 0) {  // a byte order mark inside the text: dropped
            at += 3;
            continue;
        }
        if (byte < 0x20 || byte == 0x7F || byte == ' ') {
            space = !text.empty();
        } else {
            if (space) {
                text.push_back(' ');
                ++characters;
                space = false;
            }
            text.append(utf8, at, length);
            ++characters;
        }
        at += length;
    }
    return text;
}

}  // namespace

std::string rejectionText(std::string_view bytes) { return cleaned(asUtf8(bytes)); }

std::filesystem::path rejectionFileFor(const FolderLayout& layout, const std::string& requestName) {
    return layout.res() / std::filesystem::path(requestName).replace_extension(".err");
}

std::optional<Rejection> findRejection(const FolderLayout& layout, const std::string& requestName) {
    for (const auto& path : {rejectionFileFor(layout, requestName), layout.res() / (requestName + ".err")}) {
        auto err = readStableFile(path, {kMaxRejectionBytes});
        if (err) return Rejection{*err ? rejectionText(err->value()) : err->problem().message};
    }
    std::filesystem::path returned = layout.res() / requestName;
    std::error_code error;
    auto modified = std::filesystem::last_write_time(returned, error);
    if (error || std::filesystem::file_time_type::clock::now() - modified < kReturnedRequestGrace) return std::nullopt;
    return Rejection{};
}

}  // namespace madoguchi::gateway
