#include "copay_rules.h"

#include <utility>

#include "outcome.h"

namespace madoguchi {
namespace {

bool isLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

Date preschoolLastDay(const Date& birth) {
    Date attainedSix = dateOfAttainingAge(birth, 6);
    Date march31 = *Date::fromYmd(attainedSix.year(), 3, 31);
    return attainedSix <= march31 ? march31 : *Date::fromYmd(attainedSix.year() + 1, 3, 31);
}

Date elderlyRecipientFirstDay(const Date& birth) {
    return dateOfAttainingAge(birth, 70).firstOfMonth().plusMonths(1);
}

Date lateElderlyFirstDay(const Date& birth) { return dateOfAttainingAge(birth, 75).plusDays(1); }

CopayShare tenths(int value) { return *CopayShare::fromTenths(value); }

// Staff decide: the share stays empty and the candidates are offered, never charged silently.
void leaveToStaff(ShareDecision& decision, std::vector<CopayShare> candidates, std::string warning) {
    decision.share.reset();
    decision.candidates = std::move(candidates);
    decision.basis = N_("Set by staff: the rules could not decide");
    decision.warnings.push_back(std::move(warning));
}

void decideByAge(const ShareEvidence& evidence, ShareDecision& decision) {
    const bool preschool = decision.band == AgeBand::Preschool;
    const CopayShare byAge = tenths(preschool ? 2 : 3);
    decision.share = byAge;
    decision.basis = preschool ? N_("Preschool child: 20%") : N_("School age to 69: 30%");
    if (evidence.printedShare && *evidence.printedShare != byAge) {
        leaveToStaff(decision, {byAge, *evidence.printedShare},
                     N_("The printed share differs from the age rule: confirm it with the patient and choose the share."));
        return;
    }
    if (evidence.declaredShare && *evidence.declaredShare != byAge)
        decision.warnings.push_back(
            N_("The declared share differs from the age rule; under 70 the age rule applies (未就学 2割, else 3割)."));
}

void decideElderlyRecipient(const ShareEvidence& evidence, ShareDecision& decision) {
    if (evidence.elderlyRecipientRatio) {
        if (auto share = CopayShare::fromGatewayRatio(*evidence.elderlyRecipientRatio)) {
            decision.share = share;
            decision.basis = N_("Ages 70-74: the elderly recipient ratio in the result");
            return;
        }
        decision.warnings.push_back(N_("The elderly recipient ratio in the result is not 020 or 030."));
    }
    for (const auto& [given, basis] : {std::pair{evidence.printedShare, N_("Ages 70-74: the share printed on the document")},
                                       std::pair{evidence.declaredShare, N_("Ages 70-74: the share declared on the 申立書")}}) {
        if (!given) continue;
        if (given->tenths() == 2 || given->tenths() == 3) {
            decision.share = given;
            decision.basis = basis;
        } else {
            leaveToStaff(decision, {tenths(2), tenths(3), *given},
                         N_("Ages 70-74 pay 20% or 30% (10% only as 後期高齢者): confirm the share with the patient."));
        }
        return;
    }
    decision.share = tenths(2);
    decision.basis = N_("Ages 70-74: 20% by default");
    decision.warnings.push_back(
        N_("No elderly recipient ratio was given: 20% was assumed. Check the 高齢受給者 status (30% if 現役並み)."));
}

// 後期高齢者医療: from 75, or from 65 by disability certification (insurer 39…).
void decideLateElderly(const ShareEvidence& evidence, ShareDecision& decision) {
    const bool underSeventyFive = decision.band != AgeBand::LateElderly;
    if (evidence.lateElderlyRatio) {
        if (auto share = CopayShare::fromGatewayRatio(*evidence.lateElderlyRatio)) {
            decision.share = share;
            decision.basis = underSeventyFive ? N_("Late-stage elderly by certification: the ratio in the result")
                                              : N_("Late-stage elderly (75+): the ratio in the result");
            return;
        }
        decision.warnings.push_back(N_("The late-stage elderly ratio in the result is not 010, 020 or 030."));
    }
    if (evidence.printedShare && !evidence.printedShare->isFullCharge()) {
        decision.share = evidence.printedShare;
        decision.basis = N_("後期高齢者医療: the share printed on the document");
        return;
    }
    if (evidence.declaredShare && !evidence.declaredShare->isFullCharge()) {
        decision.share = evidence.declaredShare;
        decision.basis = N_("後期高齢者医療: the share declared on the 申立書");
        return;
    }
    decision.candidates = {tenths(1), tenths(2), tenths(3)};
    decision.basis = N_("Late-stage elderly (75+): the share must come from the result or from staff");
}

void crossCheck(const ShareEvidence& evidence, int age, bool lateElderly, ShareDecision& decision) {
    if (evidence.preschoolFlag && decision.band != AgeBand::Preschool)
        decision.warnings.push_back(N_("The result marks the patient as preschool, but the birth date does not."));
    if (evidence.elderlyRecipientRatio && decision.band != AgeBand::ElderlyRecipient)
        decision.warnings.push_back(N_("The result carries an elderly recipient ratio, but the patient is not 70-74."));
    if (decision.band == AgeBand::LateElderly || (!lateElderly && !evidence.lateElderlyRatio)) return;
    if (lateElderly && age >= 65)
        decision.warnings.push_back(
            N_("Late-stage elderly insured under 75 (disability certification?): the 後期高齢者 share applies; confirm it."));
    else
        decision.warnings.push_back(N_("A late-stage elderly insurer or ratio for a patient under 65: check the insurer number."));
}

}  // namespace

Date dateOfAttainingAge(const Date& birth, int years) {
    int year = birth.year() + years;
    if (birth.month() == 2 && birth.day() == 29 && !isLeap(year)) return *Date::fromYmd(year, 2, 28);
    return Date::fromYmd(year, birth.month(), birth.day())->plusDays(-1);
}

// Whole years attained on `on` (the day before each birthday counts).
int completedYearsOn(const Date& birth, const Date& on) {
    int years = on.year() - birth.year();
    if (years > 0 && dateOfAttainingAge(birth, years) > on) --years;
    return years < 0 ? 0 : years;
}

AgeBand ageBandOn(const Date& birth, const Date& on) {
    if (on >= lateElderlyFirstDay(birth)) return AgeBand::LateElderly;
    if (on >= elderlyRecipientFirstDay(birth)) return AgeBand::ElderlyRecipient;
    if (on <= preschoolLastDay(birth)) return AgeBand::Preschool;
    return AgeBand::SchoolToSixtyNine;
}

namespace {
void warnIfTheDocumentDisagrees(const ShareEvidence& evidence, ShareDecision& decision) {
    const bool fromResult = evidence.lateElderlyRatio || evidence.elderlyRecipientRatio;
    if (fromResult && decision.share && evidence.printedShare && *evidence.printedShare != *decision.share)
        decision.warnings.push_back(N_("The printed share differs from the online result: the result is used."));
}
}  // namespace

ShareDecision decideShare(const Date& birth, const Date& on, const ShareEvidence& evidence) {
    ShareDecision decision;
    decision.band = ageBandOn(birth, on);
    const int age = completedYearsOn(birth, on);
    const bool lateElderly = decision.band == AgeBand::LateElderly || evidence.lateElderlyInsured ||
                             (evidence.lateElderlyRatio && age >= 65);
    crossCheck(evidence, age, lateElderly, decision);
    if (lateElderly) decideLateElderly(evidence, decision);
    else if (decision.band == AgeBand::ElderlyRecipient) decideElderlyRecipient(evidence, decision);
    else decideByAge(evidence, decision);
    warnIfTheDocumentDisagrees(evidence, decision);
    return decision;
}

std::optional<CopayShare> pastShareStillReadable(const std::optional<CopayShare>& share, const Date& birth,
                                                 const Date& recordedOn, const Date& today, bool lateElderlyInsured) {
    if (!share || share->isFullCharge()) return std::nullopt;
    if (lateElderlyInsured || ageBandOn(birth, recordedOn) == ageBandOn(birth, today)) return share;
    return std::nullopt;
}

std::string_view ageBandName(AgeBand band) {
    switch (band) {
        case AgeBand::Preschool: return "preschool";
        case AgeBand::SchoolToSixtyNine: return "school_to_69";
        case AgeBand::ElderlyRecipient: return "elderly_70_74";
        case AgeBand::LateElderly: return "late_elderly_75";
    }
    return "unknown";
}

}  // namespace madoguchi
