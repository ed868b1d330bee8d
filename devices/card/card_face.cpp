#include "devices/card/card_face.h"

#include <algorithm>

namespace madoguchi::card::card_face {

namespace {

struct TlvHeader {
    std::uint16_t tag = 0;
    std::size_t headerLength = 0;
    std::size_t valueLength = 0;
};

// Parses the tag and length at `offset`; nullopt when truncated or not definite-length.
std::optional<TlvHeader> readHeader(const Bytes& bytes, std::size_t offset) {
    TlvHeader header;
    std::size_t at = offset;
    if (at >= bytes.size()) return std::nullopt;
    header.tag = bytes[at++];
    if ((header.tag & 0x1F) == 0x1F) {  // a second tag byte (tag numbers 31..127)
        if (at >= bytes.size() || (bytes[at] & 0x80)) return std::nullopt;
        header.tag = static_cast<std::uint16_t>((header.tag << 8) | bytes[at++]);
    }
    if (at >= bytes.size()) return std::nullopt;
    const std::uint8_t first = bytes[at++];
    if (first < 0x80) {
        header.valueLength = first;
    } else {
        const std::size_t count = first & 0x7F;
        if (count == 0 || count > 3 || at + count > bytes.size()) return std::nullopt;
        for (std::size_t i = 0; i < count; ++i) header.valueLength = (header.valueLength << 8) | bytes[at++];
    }
    header.headerLength = at - offset;
    return header;
}

void appendLength(Bytes& out, std::size_t length) {
    if (length < 0x80) {
        out.push_back(static_cast<std::uint8_t>(length));
    } else if (length <= 0xFF) {
        out.insert(out.end(), {0x81, static_cast<std::uint8_t>(length)});
    } else if (length <= 0xFFFF) {
        out.insert(out.end(), {0x82, static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length)});
    } else {
        out.insert(out.end(), {0x83, static_cast<std::uint8_t>(length >> 16), static_cast<std::uint8_t>(length >> 8),
                               static_cast<std::uint8_t>(length)});
    }
}

}  // namespace

bool validCollationNumberB(const std::string& number) {
    return number.size() == kCollationNumberBLength &&
           std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t tlvTotalLength(const Bytes& head) {
    auto header = readHeader(head, 0);
    return header ? header->headerLength + header->valueLength : 0;
}

std::optional<Bytes> portraitFrom(const Bytes& entries) {
    auto outer = readHeader(entries, 0);
    if (!outer || outer->tag != kEntriesTag || outer->headerLength + outer->valueLength > entries.size())
        return std::nullopt;
    const std::size_t end = outer->headerLength + outer->valueLength;
    std::size_t at = outer->headerLength;
    while (at < end) {
        auto item = readHeader(entries, at);
        if (!item || at + item->headerLength + item->valueLength > end) return std::nullopt;
        const auto value = entries.begin() + static_cast<long>(at + item->headerLength);
        if (item->tag == kPortraitTag) {
            if (item->valueLength == 0) return std::nullopt;
            return Bytes(value, value + static_cast<long>(item->valueLength));
        }
        at += item->headerLength + item->valueLength;
    }
    return std::nullopt;
}

Bytes encodeTlv(std::uint16_t tag, const Bytes& value) {
    Bytes out;
    if (tag > 0xFF) out.push_back(static_cast<std::uint8_t>(tag >> 8));
    out.push_back(static_cast<std::uint8_t>(tag));
    appendLength(out, value.size());
    out.insert(out.end(), value.begin(), value.end());
    return out;
}

}  // namespace madoguchi::card::card_face
