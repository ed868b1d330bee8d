#include "insurer_number.h"

#include "card_numbers.h"

namespace madoguchi {
namespace {

bool allDigits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

}  // namespace

int InsurerNumber::checkDigitFor(std::string_view body) {
    int sum = 0;
    int weight = 2;  // from the rightmost digit of the body: 2, 1, 2, 1, ...
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        int product = (*it - '0') * weight;
        sum += product / 10 + product % 10;
        weight = weight == 2 ? 1 : 2;
    }
    return (10 - sum % 10) % 10;
}

Outcome<InsurerNumber> InsurerNumber::parse(std::string_view text) {
    std::string digits = normalizeCardText(text);
    if (digits.empty()) return Problem{"insurer.empty", N_("The insurer number is empty.")};
    if (!allDigits(digits)) return Problem{"insurer.not_digits", N_("The insurer number may contain digits only.")};
    if (digits.size() != 6 && digits.size() != 8)
        return Problem{"insurer.length", N_("The insurer number has 6 digits (National Health Insurance) or 8 digits.")};
    std::string_view body(digits.data(), digits.size() - 1);
    if (checkDigitFor(body) != digits.back() - '0')
        return Problem{"insurer.check_digit", N_("The insurer number's check digit does not match: please re-read the card.")};
    return InsurerNumber(std::move(digits));
}

std::string InsurerNumber::gatewayForm() const { return std::string(8 - digits_.size(), ' ') + digits_; }

InsurerKind InsurerNumber::kind() const {
    if (digits_.size() == 6) return InsurerKind::NationalHealthInsurance;
    if (digits_.starts_with("39")) return InsurerKind::LateElderly;
    return InsurerKind::EmployeeInsurance;
}

std::string_view insurerKindName(InsurerKind kind) {
    switch (kind) {
        case InsurerKind::NationalHealthInsurance: return "kokuho";
        case InsurerKind::EmployeeInsurance: return "employee";
        case InsurerKind::LateElderly: return "kouki";
    }
    return "unknown";
}

}  // namespace madoguchi
