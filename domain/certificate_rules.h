#pragma once
// The JPKI certificate's expiry (DOMAIN.md §6): alert from 3 months before to 3 months after,
// and a 3-month grace after expiry during which the card still works for eligibility.
#include <string>

#include "date.h"

namespace madoguchi {

enum class CertificateStanding {
    Valid,               // more than 3 months before expiry
    ExpiringSoon,        // within 3 months before expiry: alert
    InGracePeriod,       // expired, within 3 months after: still works, alert
    ExpiredBeyondGrace,  // the card no longer works for eligibility: 資格確認書
};

CertificateStanding certificateStandingOn(const Date& notAfter, const Date& on);
bool certificateAlertApplies(CertificateStanding standing);
bool certificateUsableForEligibility(CertificateStanding standing);
std::string_view certificateStandingName(CertificateStanding standing);
// What to tell the patient, as an English msgid (empty for Valid).
std::string certificateAdvice(CertificateStanding standing);

}  // namespace madoguchi
