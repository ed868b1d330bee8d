#include "devices/gateway/request_encoding.h"

#include <Poco/TextConverter.h>
#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows932Encoding.h>
#include <algorithm>
#include <vector>

#include "devices/gateway/stable_file.h"

namespace madoguchi::gateway {
namespace {

bool isResultName(const std::string& name) {
    return name.ends_with(".xml") && name.starts_with("OQSsiquc01res_");  // single results and face files: small
}

std::optional<std::filesystem::path> newestResultIn(const std::filesystem::path& folder,
                                                    std::filesystem::file_time_type& newest) {
    std::optional<std::filesystem::path> found;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (!isResultName(entry.path().filename().string()) || !entry.is_regular_file(error)) continue;
        auto modified = entry.last_write_time(error);
        if (!error && (!found || modified > newest)) {
            newest = modified;
            found = entry.path();
        }
    }
    return found;
}

}  // namespace

std::optional<RequestEncoding> requestEncodingFromName(std::string_view name) {
    if (name == "auto") return RequestEncoding::FollowResults;
    if (name == "utf-8" || name == "UTF-8") return RequestEncoding::Utf8;
    if (name == "shift_jis" || name == "Shift_JIS") return RequestEncoding::ShiftJis;
    return std::nullopt;
}

const char* requestEncodingName(RequestEncoding encoding) {
    switch (encoding) {
        case RequestEncoding::Utf8: return "utf-8";
        case RequestEncoding::ShiftJis: return "shift_jis";
        case RequestEncoding::FollowResults: break;
    }
    return "auto";
}

PrologEncoding siteResultEncoding(const FolderLayout& layout) {
    std::filesystem::file_time_type newestRes{}, newestFace{};
    auto res = newestResultIn(layout.res(), newestRes);
    auto face = newestResultIn(layout.face(), newestFace);
    std::optional<std::filesystem::path> newest = res && (!face || newestRes >= newestFace) ? res : face;
    if (!newest) return PrologEncoding::Utf8;
    auto head = readRegularFile(*newest, kMaxResultBytes);
    if (!head || !*head) return PrologEncoding::Utf8;
    auto encoding = prologEncoding(head->value());
    return encoding ? encoding.value() : PrologEncoding::Utf8;
}

std::optional<Problem> cp932Problem(const std::string& field, const std::string& utf8) {
    Poco::UTF8Encoding utf8Encoding;
    Poco::Windows932Encoding shiftJis;
    Poco::TextIterator it(utf8, utf8Encoding), end(utf8);
    for (; it != end; ++it) {
        unsigned char bytes[4];
        int character = *it;
        if (character < 0 || shiftJis.convert(character, bytes, sizeof bytes) == 0)
            return Problem{"gateway.not_cp932", std::string(N_("A character cannot be sent in Shift_JIS:")) + " " + field};
    }
    return std::nullopt;
}

Outcome<std::string> toShiftJis(const std::string& utf8) {
    if (auto problem = cp932Problem("XmlMsg", utf8)) return *problem;
    Poco::UTF8Encoding utf8Encoding;
    Poco::Windows932Encoding shiftJis;
    Poco::TextConverter converter(utf8Encoding, shiftJis, '?');
    std::string converted;
    converter.convert(utf8, converted);
    return converted;
}

Outcome<std::string> encodeMessage(const std::string& utf8Xml, PrologEncoding encoding) {
    if (encoding == PrologEncoding::Utf8) return utf8Xml;
    auto end = utf8Xml.find("?>");
    auto body = toShiftJis(end == std::string::npos ? utf8Xml : utf8Xml.substr(end + 2));
    if (!body) return body.problem();
    return "<?xml version=\"1.0\" encoding=\"Shift_JIS\" standalone=\"no\"?>" + body.value();
}

}  // namespace madoguchi::gateway
