#pragma once
// operator<< for domain enums, so Boost.Test can print them in data-driven cases and failures.
#include <ostream>

#include "domain/certificate_rules.h"
#include "domain/copay_rules.h"
#include "domain/reception_session.h"
#include "domain/visit_record.h"

namespace madoguchi {

inline std::ostream& operator<<(std::ostream& out, AgeBand band) { return out << ageBandName(band); }
inline std::ostream& operator<<(std::ostream& out, CertificateStanding standing) {
    return out << certificateStandingName(standing);
}
inline std::ostream& operator<<(std::ostream& out, ClaimRoute route) { return out << claimRouteName(route); }
inline std::ostream& operator<<(std::ostream& out, EligibilitySource source) {
    return out << eligibilitySourceName(source);
}
inline std::ostream& operator<<(std::ostream& out, ReceptionState state) { return out << receptionStateName(state); }
inline std::ostream& operator<<(std::ostream& out, IdentityMethod method) { return out << identityMethodName(method); }

}  // namespace madoguchi
