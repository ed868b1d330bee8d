#include "card_numbers.h"

namespace madoguchi {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length (1 for invalid bytes, kept as they are).
std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

// Full-width ASCII U+FF01..U+FF5E is EF BC 81 .. EF BD 9E; U+3000 (ideographic space) is E3 80 80.
std::string halfWidth(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = std::min(sequenceLength(lead), text.size() - i);
        if (length == 3) {
            auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
            unsigned codePoint = ((lead & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
            if (codePoint >= 0xFF01 && codePoint <= 0xFF5E) {
                out.push_back(static_cast<char>(codePoint - 0xFF01 + 0x21));
                i += 3;
                continue;
            }
            if (codePoint == 0x3000) {
                out.push_back(' ');
                i += 3;
                continue;
            }
            if (codePoint == 0x2212 || codePoint == 0x30FC) {  // minus sign, prolonged sound mark as hyphen
                out.push_back('-');
                i += 3;
                continue;
            }
        }
        out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

bool allDigits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string normalizeCardText(std::string_view text) {
    std::string half = halfWidth(text);
    auto first = half.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    auto last = half.find_last_not_of(" \t\r\n");
    return half.substr(first, last - first + 1);
}

Outcome<InsuredCardNumbers> InsuredCardNumbers::parse(std::string_view symbol, std::string_view number,
                                                     std::string_view branch) {
    InsuredCardNumbers parsed{normalizeCardText(symbol), normalizeCardText(number), normalizeCardText(branch)};
    if (parsed.number.empty()) return Problem{"card.number_missing", N_("The insured person's number (番号) is required.")};
    if (!parsed.branch.empty() && (parsed.branch.size() != 2 || !allDigits(parsed.branch)))
        return Problem{"card.branch_shape", N_("The branch number (枝番) has two digits, or is left empty.")};
    return parsed;
}

}  // namespace madoguchi
