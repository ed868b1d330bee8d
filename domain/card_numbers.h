#pragma once
// The numbers printed on an insurance card or 資格確認書: 記号, 番号, 枝番.
#include <optional>
#include <string>
#include <string_view>

#include "insurer_number.h"
#include "outcome.h"

namespace madoguchi {

// Full-width ASCII (digits, letters, hyphen) and ideographic spaces become half-width;
// surrounding spaces are trimmed. Other characters (kanji in 記号) are kept as they are.
std::string normalizeCardText(std::string_view text);

struct InsuredCardNumbers {
    std::string symbol;  // 記号: may be empty (後期, some 国保), may contain kanji
    std::string number;  // 番号: required
    std::string branch;  // 枝番: 2 digits or empty

    // Normalises each part and checks the shape: number required, branch 2 digits or empty.
    static Outcome<InsuredCardNumbers> parse(std::string_view symbol, std::string_view number,
                                             std::string_view branch);
    friend bool operator==(const InsuredCardNumbers&, const InsuredCardNumbers&) = default;
};

// The eligibility a visit is billed on: insurer and card numbers.
struct InsuranceIdentity {
    std::string insurerNumber;  // digits, trimmed; may be the 7s filler on an UNKNOWN claim
    InsuredCardNumbers card;
    friend bool operator==(const InsuranceIdentity&, const InsuranceIdentity&) = default;
};

}  // namespace madoguchi
