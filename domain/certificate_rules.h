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

// The certificate policy of the JPKI 利用者証明用電子証明書 (user-authentication certificate); a
// card-check gateway accepts an auth certificate only under this policy, with keyUsage
// digitalSignature (and clientAuth if it restricts extended key usage). VERIFY against the JPKI
// certificate policy (CP/CPS) when it is at hand: one line to correct.
inline constexpr const char* kJpkiAuthCertificatePolicy = "1.2.392.200149.8.5.1.3.30";

}  // namespace madoguchi
