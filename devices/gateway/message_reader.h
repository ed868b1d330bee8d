#pragma once
// The one SAX reader of every online-qualification message (DOMAIN.md §9): results, face files,
// requests, bulk and 照会番号 registration messages all go through readXmlMessage, so they share
// its encoding rule and its limits.
#include <cstddef>
#include <string>
#include <string_view>

#include "domain/outcome.h"

namespace madoguchi::gateway {

inline constexpr std::size_t kMaxResultBytes = 16 * 1024 * 1024;  // a single answer is a few KB; a 1,000-person bulk one ~3 MB
inline constexpr int kMaxElementDepth = 32;                        // real files nest 6 deep
inline constexpr std::size_t kMaxDocumentCharacters = 8 * 1024 * 1024;  // text of all elements together

// How much one message may hold: its bytes, and the text of all its elements together.
struct MessageLimits {
    std::size_t maxBytes = kMaxResultBytes;
    std::size_t maxDocumentCharacters = kMaxDocumentCharacters;
};

// A bulk job (OQSmuquc01req / 02res) carries at most kMaxBulkPeople persons: neither the
// interface documents we follow nor the public sources name a maximum, so this one is ours
// (docs/gateway.md), 4 times the 10,000 visits of a busy follow-up list; the folder client refuses
// a larger job before sending anything. Its messages get limits of their own (kBulkMessageLimits):
// an answer takes about 2.5 KB a person (25 MB for 10,000, bench_recheck), so 256 MiB leaves room
// for a terminal that writes twice as much per person.
inline constexpr std::size_t kMaxBulkPeople = 40000;
inline constexpr MessageLimits kBulkMessageLimits{256 * 1024 * 1024, 128 * 1024 * 1024};

enum class PrologEncoding { Utf8, ShiftJis };

// What a message reader does with the elements of an XmlMsg, in document order.
class MessageVisitor {
public:
    virtual ~MessageVisitor() = default;
    // Every element as it opens; parent is "" for the root.
    virtual void open(const std::string& parent, const std::string& name) = 0;
    // Every element without child elements, with its text trimmed of surrounding white space.
    virtual void leaf(const std::string& parent, const std::string& name, const std::string& value) = 0;
    // Every element as it closes (after its leaf call, if it was one).
    virtual void close(const std::string& name) = 0;
};

// The encoding a message declares, judged by its first bytes: an ASCII start (optionally after
// a UTF-8 byte order mark) whose XML declaration names UTF-8 or Shift_JIS/CP932, or none (UTF-8).
// UTF-16/32, other byte order marks and other encodings are a Problem "gateway.malformed".
Outcome<PrologEncoding> prologEncoding(std::string_view bytes);

// Parses bytes whose root must be XmlMsg (expat). Honours the prolog's encoding (UTF-8 or
// Shift_JIS/CP932, converted to UTF-8 first), never CharacterCodeIdentifier. Oversized (more than
// limits.maxBytes), empty, malformed, truncated or hostile input (any DOCTYPE or ENTITY
// declaration, refused by the parser itself; nesting deeper than kMaxElementDepth; more than
// limits.maxDocumentCharacters of text) is a Problem "gateway.malformed"; a visitor may throw a
// std::exception to refuse the content.
Outcome<bool> readXmlMessage(std::string_view bytes, MessageVisitor& visitor, const MessageLimits& limits = {});

// The Problem every gateway reader answers with.
Problem malformedMessage(const std::string& why);

}  // namespace madoguchi::gateway
