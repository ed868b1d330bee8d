#pragma once
// 自己負担割合 by age and by the online result (DOMAIN.md §8). Legal age is attained on the day
// before the birthday.
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "copay.h"
#include "date.h"

namespace madoguchi {

enum class AgeBand {
    Preschool,      // 未就学: until the first 31 March on or after the day the child attains 6
    SchoolToSixtyNine,
    ElderlyRecipient,  // 70-74 高齢受給者: from the 1st of the month after attaining 70
    LateElderly,       // 後期: from the 75th birthday itself
};

struct ShareEvidence {
    std::optional<std::string> elderlyRecipientRatio;  // ElderlyRecipientContributionRatio "020"/"030"
    std::optional<std::string> lateElderlyRatio;       // InsuredPartialContributionRatio "010"/"020"/"030"
    bool preschoolFlag = false;                        // PreschoolClassification = 1
};

struct ShareDecision {
    std::optional<CopayShare> share;    // empty: staff or the result must say (後期 without a ratio)
    AgeBand band = AgeBand::SchoolToSixtyNine;
    std::string basis;                  // English msgid: why
    std::vector<std::string> warnings;  // English msgids: mismatches, defaults taken
};

Date dateOfAttainingAge(const Date& birth, int years);  // the day before the birthday
AgeBand ageBandOn(const Date& birth, const Date& on);
std::string_view ageBandName(AgeBand band);  // "preschool", "school_to_69", ...
int completedYearsOn(const Date& birth, const Date& on);
ShareDecision decideShare(const Date& birth, const Date& on, const ShareEvidence& evidence);

}  // namespace madoguchi
