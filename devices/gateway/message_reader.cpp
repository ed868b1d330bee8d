#include "devices/gateway/message_reader.h"

#include <Poco/Exception.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows932Encoding.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <expat.h>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

namespace madoguchi::gateway {
namespace {

void trimInPlace(std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        text.clear();
        return;
    }
    text.erase(text.find_last_not_of(" \t\r\n") + 1);
    text.erase(0, first);
}

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// The encoding="…" pseudo-attribute of an XML declaration, or "" when there is none.
std::string declaredEncoding(std::string_view declaration) {
    auto at = declaration.find("encoding");
    if (at == std::string_view::npos) return {};
    at = declaration.find_first_of("\"'", at);
    if (at == std::string_view::npos) return {};
    auto end = declaration.find(declaration[at], at + 1);
    if (end == std::string_view::npos) return {};
    return std::string(declaration.substr(at + 1, end - at - 1));
}

// Decides the encoding from the first bytes: only an ASCII-compatible start (an XML declaration,
// or directly an element) naming UTF-8 or Shift_JIS (CP932) is accepted; a byte order mark other
// than UTF-8's, UTF-16/32 or any other declared encoding is refused.
Outcome<PrologEncoding> encodingByFirstBytes(std::string_view bytes) {
    bool utf8Bom = bytes.starts_with("\xEF\xBB\xBF");
    if (utf8Bom) bytes.remove_prefix(3);
    if (bytes.starts_with("<?xml")) {
        auto end = bytes.find("?>");
        if (end == std::string_view::npos || end > 256) return malformedMessage("the XML declaration is not closed");
        std::string name = lowercase(declaredEncoding(bytes.substr(0, end)));
        if (name.empty() || name == "utf-8" || name == "utf8") return PrologEncoding::Utf8;
        static constexpr std::array<std::string_view, 7> kShiftJis{"shift_jis", "shift-jis", "sjis", "cp932",
                                                                   "ms932", "windows-31j", "x-sjis"};
        if (!utf8Bom && std::find(kShiftJis.begin(), kShiftJis.end(), name) != kShiftJis.end())
            return PrologEncoding::ShiftJis;
        return malformedMessage("the encoding \"" + name.substr(0, 40) + "\" is not accepted (UTF-8 or Shift_JIS only)");
    }
    if (bytes.starts_with("<") && bytes.size() > 1 && std::isalpha(static_cast<unsigned char>(bytes[1])))
        return PrologEncoding::Utf8;
    return malformedMessage("the file does not start like a UTF-8 or Shift_JIS XML document");
}

// How many bytes the Shift_JIS character starting with `lead` takes, as Poco's converter reads it.
std::size_t shiftJisLength(const Poco::TextEncoding::CharacterMap& map, unsigned char lead) {
    return map[lead] < -1 ? static_cast<std::size_t>(-map[lead]) : 1;
}

// Shift_JIS (CP932) to UTF-8. A byte Windows-932 maps to itself below 0x80 (the markup, the digits:
// most of a result) is the same byte in UTF-8 and is copied as it is; each stretch of other
// characters goes through Poco's converter, which reads it as it would read the whole file
// (character by character, a table searched for each).
Outcome<std::string> shiftJisToUtf8(std::string_view bytes) {
    Poco::Windows932Encoding shiftJis;
    Poco::UTF8Encoding utf8;
    Poco::TextConverter converter(shiftJis, utf8, 0);
    const Poco::TextEncoding::CharacterMap& map = shiftJis.characterMap();
    const auto itself = [&](char byte) {
        const auto value = static_cast<unsigned char>(byte);
        return value < 0x80 && map[value] == value;
    };
    std::string converted;
    converted.reserve(bytes.size() + bytes.size() / 2);
    int errors = 0;
    for (std::size_t at = 0; at < bytes.size();) {
        std::size_t end = at;
        while (end < bytes.size() && itself(bytes[end])) ++end;
        converted.append(bytes.data() + at, end - at);
        at = end;
        while (end < bytes.size() && !itself(bytes[end]))
            end += shiftJisLength(map, static_cast<unsigned char>(bytes[end]));
        end = std::min(end, bytes.size());
        if (end > at) errors += converter.convert(bytes.data() + at, static_cast<int>(end - at), converted);
        at = end;
    }
    if (errors != 0) return malformedMessage("the file holds bytes that are not Shift_JIS");
    return converted;
}

// expat draws a new hash salt for every parse it is not given one for (a getrandom system call
// per message, ~5 of the ~24 µs bare expat takes for a 2.4 KB result): each thread draws one, once, from the
// system's random source and gives it to every parse. It stays as secret as expat's own.
unsigned long threadHashSalt() {
    thread_local const unsigned long salt = [] {
        std::random_device source;
        return static_cast<unsigned long>((std::uint64_t{source()} << 32) ^ source());
    }();
    return salt;
}

// The expat parser and the element buffers, kept for the next message of the same thread: a
// parser reset (XML_ParserReset) costs a fraction of a new one, and the buffers keep their
// capacity. A message read while another is being read on the thread (a visitor that reads one)
// gets fresh ones.
struct ParserState {
    struct ParserFree {
        void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
    };
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree> parser{XML_ParserCreate("UTF-8")};
    std::vector<std::string> path;  // element names: path[0..depth) is the open path, re-assigned, never shrunk
    std::vector<bool> hasChildren;
    std::string text;
    bool inUse = false;
};

// Turns expat's events into the visitor's open / leaf / close, under the depth and text limits.
// A DTD is refused by the parser itself, whatever the document's encoding.
class ExpatReader {
public:
    ExpatReader(MessageVisitor& visitor, ParserState& state, std::size_t maxDocumentCharacters)
        : visitor_(visitor), state_(state), maxDocumentCharacters_(maxDocumentCharacters) {
        state_.inUse = true;
        XML_Parser parser = state_.parser.get();
        if (!parser || !XML_ParserReset(parser, "UTF-8")) return;
        XML_SetHashSalt(parser, threadHashSalt());
        XML_SetUserData(parser, this);
        XML_SetElementHandler(parser, &ExpatReader::onStart, &ExpatReader::onEnd);
        XML_SetCharacterDataHandler(parser, &ExpatReader::onText);
        XML_SetStartDoctypeDeclHandler(parser, &ExpatReader::onDoctype);
        XML_SetEntityDeclHandler(parser, &ExpatReader::onEntity);
        XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
        ready_ = true;
    }
    ~ExpatReader() {
        if (state_.text.capacity() > kKeptTextCapacity) std::string().swap(state_.text);  // one huge leaf: not kept
        state_.inUse = false;
    }
    ExpatReader(const ExpatReader&) = delete;
    ExpatReader& operator=(const ExpatReader&) = delete;

    Outcome<bool> parse(std::string_view utf8) {
        if (!ready_) return malformedMessage("out of memory");
        state_.hasChildren.clear();
        state_.text.clear();
        XML_Parser parser = state_.parser.get();
        // In pieces: expat copies what it is given into a buffer of its own, which then stays the
        // size of a piece, not of a 30 MB bulk answer.
        bool parsed = true;
        for (std::size_t at = 0; parsed && at < utf8.size();) {
            const std::size_t piece = std::min(kPieceBytes, utf8.size() - at);
            const bool last = at + piece == utf8.size();
            parsed = XML_Parse(parser, utf8.data() + at, static_cast<int>(piece), last ? XML_TRUE : XML_FALSE) ==
                     XML_STATUS_OK;
            at += piece;
        }
        if (refusal_) return malformedMessage(*refusal_);
        if (!parsed)
            return malformedMessage(std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                                    std::to_string(XML_GetCurrentLineNumber(parser)));
        return true;
    }

private:
    static ExpatReader& self(void* data) { return *static_cast<ExpatReader*>(data); }

    void refuse(std::string why) {
        if (!refusal_) refusal_ = std::move(why);
        XML_StopParser(state_.parser.get(), XML_FALSE);
    }

    // The visitor may throw to refuse the content; the exception must not cross expat's C frames.
    template <class Call>
    void guarded(Call call) {
        if (refusal_) return;
        try {
            call();
        } catch (const Poco::Exception& error) {
            refuse(error.message().empty() ? error.displayText() : error.message());
        } catch (const std::exception& error) {
            refuse(error.what());
        }
    }

    const std::string& parentOf(std::size_t depth) const { return depth >= 2 ? state_.path[depth - 2] : kNoParent; }

    static void onStart(void* data, const XML_Char* name, const XML_Char**) {
        ExpatReader& reader = self(data);
        ParserState& state = reader.state_;
        reader.guarded([&] {
            if (static_cast<int>(reader.depth_) >= kMaxElementDepth)
                throw std::runtime_error("elements nest deeper than " + std::to_string(kMaxElementDepth));
            if (reader.depth_ == 0 && std::string_view(name) != "XmlMsg")
                throw std::runtime_error("the root element is not XmlMsg");
            if (!state.hasChildren.empty()) state.hasChildren.back() = true;
            if (state.path.size() == reader.depth_) state.path.emplace_back();
            state.path[reader.depth_++].assign(name);
            reader.visitor_.open(reader.parentOf(reader.depth_), state.path[reader.depth_ - 1]);
            state.hasChildren.push_back(false);
            state.text.clear();
        });
    }

    static void onEnd(void* data, const XML_Char*) {
        ExpatReader& reader = self(data);
        ParserState& state = reader.state_;
        reader.guarded([&] {
            const std::string& name = state.path[reader.depth_ - 1];
            if (!state.hasChildren.back()) {
                trimInPlace(state.text);
                reader.visitor_.leaf(reader.parentOf(reader.depth_), name, state.text);
            }
            reader.visitor_.close(name);
            --reader.depth_;
            state.hasChildren.pop_back();
            state.text.clear();
        });
    }

    static void onText(void* data, const XML_Char* text, int length) {
        ExpatReader& reader = self(data);
        reader.totalText_ += static_cast<std::size_t>(length);
        if (reader.totalText_ > reader.maxDocumentCharacters_) {
            reader.refuse("the document holds more than " + std::to_string(reader.maxDocumentCharacters_) +
                          " characters of text");
            return;
        }
        if (!reader.refusal_) reader.state_.text.append(text, static_cast<std::size_t>(length));
    }

    static void onDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        self(data).refuse("a DOCTYPE declaration is not allowed");
    }

    static void onEntity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                         const XML_Char*, const XML_Char*) {
        self(data).refuse("an ENTITY declaration is not allowed");
    }

    MessageVisitor& visitor_;
    ParserState& state_;
    const std::size_t maxDocumentCharacters_;
    inline static const std::string kNoParent;
    static constexpr std::size_t kKeptTextCapacity = 64 * 1024;
    static constexpr std::size_t kPieceBytes = 256 * 1024;
    bool ready_ = false;
    std::size_t depth_ = 0;
    std::size_t totalText_ = 0;
    std::optional<std::string> refusal_;
};

// This thread's kept parser, or a fresh one while it is in use. Windows (MinGW) always takes a
// fresh one: there a thread_local's destructor can run after the thread's emulated TLS is gone,
// and freeing the kept expat parser at a gateway thread's end crashed (seen under Wine).
Outcome<bool> parseUtf8(std::string_view utf8, MessageVisitor& visitor, std::size_t maxDocumentCharacters) {
#ifdef _WIN32
    ParserState fresh;
    return ExpatReader(visitor, fresh, maxDocumentCharacters).parse(utf8);
#else
    thread_local ParserState kept;
    if (kept.inUse) {
        ParserState fresh;
        return ExpatReader(visitor, fresh, maxDocumentCharacters).parse(utf8);
    }
    return ExpatReader(visitor, kept, maxDocumentCharacters).parse(utf8);
#endif
}

std::string megabytes(std::size_t bytes) {
    return std::to_string(bytes / (1024 * 1024)) + " MiB (" + std::to_string(bytes) + " bytes)";
}

}  // namespace

Problem malformedMessage(const std::string& why) {
    return Problem{"gateway.malformed", std::string(N_("The online-qualification file could not be read:")) + " " + why};
}

Outcome<PrologEncoding> prologEncoding(std::string_view bytes) { return encodingByFirstBytes(bytes); }

Outcome<bool> readXmlMessage(std::string_view bytes, MessageVisitor& visitor, const MessageLimits& limits) {
    if (bytes.size() > limits.maxBytes)
        return malformedMessage("the file holds " + megabytes(bytes.size()) + ", more than the " +
                                megabytes(limits.maxBytes) + " this kind of message may hold");
    if (bytes.empty()) return malformedMessage("the file is empty");
    auto encoding = encodingByFirstBytes(bytes);
    if (!encoding) return encoding.problem();
    if (encoding.value() == PrologEncoding::Utf8) return parseUtf8(bytes, visitor, limits.maxDocumentCharacters);
    auto utf8 = shiftJisToUtf8(bytes);
    if (!utf8) return utf8.problem();
    return parseUtf8(utf8.value(), visitor, limits.maxDocumentCharacters);
}

}  // namespace madoguchi::gateway
