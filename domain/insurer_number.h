#pragma once
// 保険者番号: 6 digits (国民健康保険) or 8 digits (法別番号 2 + 都道府県 2 + 保険者 3 + 検証番号 1).
#include <string>
#include <string_view>

#include "outcome.h"

namespace madoguchi {

enum class InsurerKind {
    NationalHealthInsurance,  // 国保: 6 digits
    EmployeeInsurance,        // 被用者保険 (協会けんぽ, 組合, 共済, ...): 8 digits
    LateElderly,              // 後期高齢者医療: 8 digits starting with 39
};

class InsurerNumber {
public:
    // Accepts full-width digits and surrounding (full- or half-width) spaces; checks length
    // and the 検証番号 (weights 2,1,2,... from the right of the body, digit sums, 10 - sum mod 10).
    static Outcome<InsurerNumber> parse(std::string_view text);
    static int checkDigitFor(std::string_view body);  // body = every digit but the last

    const std::string& digits() const { return digits_; }
    std::string gatewayForm() const;  // right-aligned to 8 with spaces, as gateway files carry it
    InsurerKind kind() const;
    bool isLateElderly() const { return kind() == InsurerKind::LateElderly; }

    friend bool operator==(const InsurerNumber&, const InsurerNumber&) = default;

private:
    explicit InsurerNumber(std::string digits) : digits_(std::move(digits)) {}
    std::string digits_;
};

std::string_view insurerKindName(InsurerKind kind);  // "kokuho", "employee", "kouki"

}  // namespace madoguchi
