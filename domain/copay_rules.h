#pragma once
// 自己負担割合 (DOMAIN.md §8): the one place that decides the share from age, the online result, a
// printed share and the 申立書's declaration. Legal age is attained on the day before the birthday.
//
// Precedence, first that applies:
//  1. the online result's ratio (後期 InsuredPartialContributionRatio, 70-74 ElderlyRecipient…Ratio);
//  2. a printed share (資格確認書, お知らせ, a past record), read at every age: a 後期 insured person
//     (insurer 39…) under 75 by disability certification pays the printed share;
//  3. under 70 (and not 後期 insured) the age rule: 未就学 2割, else 3割, whatever is declared;
//  4. the 申立書's declaration, only where age cannot decide (70-74: 2割/3割; 後期: 1/2/3割);
//  5. 70-74 without anything: 2割 with a warning; 後期 without anything: staff set it.
// A printed or declared share the rules cannot accept (1割 at 45, 1割 at 72 without 39…) leaves the
// share undecided with the candidates shown: staff decide, nothing is charged silently.
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
    std::optional<CopayShare> printedShare = {};   // 資格確認書 / お知らせ / past record
    std::optional<CopayShare> declaredShare = {};  // 被保険者資格申立書
    bool lateElderlyInsured = false;          // insurer number 39… (or 後期高齢者医療 declared)
};

struct ShareDecision {
    std::optional<CopayShare> share;    // empty: staff must set it (see candidates)
    AgeBand band = AgeBand::SchoolToSixtyNine;
    std::string basis;                  // English msgid: why
    std::vector<std::string> warnings;  // English msgids: mismatches, defaults taken
    std::vector<CopayShare> candidates = {};  // what staff may choose when the share is empty
};

// A past record's share is read only while the patient is in the same age band as when it was
// recorded (a 3割 recorded at 69 says nothing about 現役並み at 70), or when the insurer is 後期.
std::optional<CopayShare> pastShareStillReadable(const std::optional<CopayShare>& share, const Date& birth,
                                                 const Date& recordedOn, const Date& today, bool lateElderlyInsured);

Date dateOfAttainingAge(const Date& birth, int years);  // the day before the birthday
AgeBand ageBandOn(const Date& birth, const Date& on);
std::string_view ageBandName(AgeBand band);  // "preschool", "school_to_69", ...
int completedYearsOn(const Date& birth, const Date& on);
ShareDecision decideShare(const Date& birth, const Date& on, const ShareEvidence& evidence);

}  // namespace madoguchi
