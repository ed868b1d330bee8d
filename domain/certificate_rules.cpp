#include "certificate_rules.h"

#include "outcome.h"

namespace madoguchi {

CertificateStanding certificateStandingOn(const Date& notAfter, const Date& on) {
    if (on <= notAfter) return on >= notAfter.plusMonths(-3) ? CertificateStanding::ExpiringSoon : CertificateStanding::Valid;
    return on <= notAfter.plusMonths(3) ? CertificateStanding::InGracePeriod : CertificateStanding::ExpiredBeyondGrace;
}

bool certificateAlertApplies(CertificateStanding standing) {
    return standing == CertificateStanding::ExpiringSoon || standing == CertificateStanding::InGracePeriod;
}

bool certificateUsableForEligibility(CertificateStanding standing) {
    return standing != CertificateStanding::ExpiredBeyondGrace;
}

std::string_view certificateStandingName(CertificateStanding standing) {
    switch (standing) {
        case CertificateStanding::Valid: return "valid";
        case CertificateStanding::ExpiringSoon: return "expiring_soon";
        case CertificateStanding::InGracePeriod: return "in_grace_period";
        case CertificateStanding::ExpiredBeyondGrace: return "expired_beyond_grace";
    }
    return "unknown";
}

std::string certificateAdvice(CertificateStanding standing) {
    switch (standing) {
        case CertificateStanding::Valid: return {};
        case CertificateStanding::ExpiringSoon:
            return N_("The card's electronic certificate expires within 3 months: ask the patient to renew it at "
                      "their municipal office.");
        case CertificateStanding::InGracePeriod:
            return N_("The card's electronic certificate has expired; it still works for eligibility for 3 months. "
                      "Ask the patient to renew it at their municipal office soon.");
        case CertificateStanding::ExpiredBeyondGrace:
            return N_("The card's electronic certificate expired more than 3 months ago: the card cannot be used for "
                      "eligibility. Ask for the 資格確認書 first. Say: \"Your insurer has sent you a 資格確認書 (a card "
                      "or a postcard). Please show it. Your insurance and your My Number card are still valid; renew "
                      "the certificate at your municipal office to use the card again.\"");
    }
    return {};
}

}  // namespace madoguchi
