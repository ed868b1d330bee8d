#include "copay_rules.h"

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

void decideElderlyRecipient(const ShareEvidence& evidence, ShareDecision& decision) {
    if (evidence.elderlyRecipientRatio) {
        if (auto share = CopayShare::fromGatewayRatio(*evidence.elderlyRecipientRatio)) {
            decision.share = share;
            decision.basis = N_("Ages 70-74: the elderly recipient ratio in the result");
            return;
        }
        decision.warnings.push_back(N_("The elderly recipient ratio in the result is not 020 or 030."));
    }
    decision.share = CopayShare::fromTenths(2);
    decision.basis = N_("Ages 70-74: 20% by default");
    decision.warnings.push_back(
        N_("No elderly recipient ratio was given: 20% was assumed. Check the 高齢受給者 status (30% if 現役並み)."));
}

void decideLateElderly(const ShareEvidence& evidence, ShareDecision& decision) {
    if (evidence.lateElderlyRatio) {
        if (auto share = CopayShare::fromGatewayRatio(*evidence.lateElderlyRatio)) {
            decision.share = share;
            decision.basis = N_("Late-stage elderly (75+): the ratio in the result");
            return;
        }
        decision.warnings.push_back(N_("The late-stage elderly ratio in the result is not 010, 020 or 030."));
    }
    decision.basis = N_("Late-stage elderly (75+): the share must come from the result or from staff");
}

void crossCheck(const ShareEvidence& evidence, int age, ShareDecision& decision) {
    if (evidence.preschoolFlag && decision.band != AgeBand::Preschool)
        decision.warnings.push_back(N_("The result marks the patient as preschool, but the birth date does not."));
    if (evidence.elderlyRecipientRatio && decision.band != AgeBand::ElderlyRecipient)
        decision.warnings.push_back(N_("The result carries an elderly recipient ratio, but the patient is not 70-74."));
    if (evidence.lateElderlyRatio && decision.band != AgeBand::LateElderly) {
        if (age >= 65) {
            decision.warnings.push_back(
                N_("Late-stage elderly ratio for a patient under 75 (disability certification?): confirm the share."));
            if (auto share = CopayShare::fromGatewayRatio(*evidence.lateElderlyRatio)) {
                decision.share = share;
                decision.basis = N_("Late-stage elderly by certification: the ratio in the result");
            }
        } else {
            decision.warnings.push_back(N_("The result carries a late-stage elderly ratio, but the patient is under 65."));
        }
    }
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

ShareDecision decideShare(const Date& birth, const Date& on, const ShareEvidence& evidence) {
    ShareDecision decision;
    decision.band = ageBandOn(birth, on);
    switch (decision.band) {
        case AgeBand::Preschool:
            decision.share = CopayShare::fromTenths(2);
            decision.basis = N_("Preschool child: 20%");
            break;
        case AgeBand::SchoolToSixtyNine:
            decision.share = CopayShare::fromTenths(3);
            decision.basis = N_("School age to 69: 30%");
            break;
        case AgeBand::ElderlyRecipient: decideElderlyRecipient(evidence, decision); break;
        case AgeBand::LateElderly: decideLateElderly(evidence, decision); break;
    }
    crossCheck(evidence, completedYearsOn(birth, on), decision);
    return decision;
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
