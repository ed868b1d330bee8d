#include "eligibility.h"

namespace madoguchi {

std::optional<QualificationValidity> EligibilityResult::validity() const {
    const std::string& code = qualificationValidity.raw;
    if (code.size() != 1 || code[0] < '1' || code[0] > '6') return std::nullopt;
    return static_cast<QualificationValidity>(code[0] - '0');
}

bool EligibilityResult::isConfirmed() const {
    return segmentOfResult.raw == "1" && processingResultStatus.raw == "1" &&
           validity() == QualificationValidity::Valid && results.size() == 1;
}

bool EligibilityResult::isSystemError() const {
    return segmentOfResult.raw == "9" || processingResultStatus.raw == "2";
}

}  // namespace madoguchi
