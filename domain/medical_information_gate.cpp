#include "domain/medical_information_gate.h"

namespace madoguchi {
namespace {

long minutesOf(const LocalDateTime& t) { return t.date.daysSinceEpoch() * 1440L + t.hour * 60L + t.minute; }

std::optional<LocalDateTime> availableUntil(const std::string& text) {
    if (text.size() == 14) return LocalDateTime::parseCompact(text);
    if (text.size() == 8)
        if (auto day = Date::parseCompact(text)) return LocalDateTime{*day, 23, 59, 59};
    return std::nullopt;
}

}  // namespace

const char* medicalInformationName(MedicalInformation kind) {
    return kind == MedicalInformation::Medication ? "medication" : "checkups";
}

const ConsentState& consentFor(const QualificationRecord& record, MedicalInformation kind) {
    return kind == MedicalInformation::Medication ? record.pharmacistsInfo : record.specificHealthCheckupsInfo;
}

bool consentAllowsFetch(const ConsentState& consent, const LocalDateTime& now) {
    if (consent.flag.raw != "1") return false;
    auto until = availableUntil(consent.availableTime);
    return until && !(*until < now);
}

bool mayOfferFetch(FacilityMode mode, const QualificationRecord& record, MedicalInformation kind,
                   const LocalDateTime& now) {
    return mayFetch(mode, record, kind, now, std::nullopt, false).ok();
}

void RecentFetches::record(const std::string& patientKey, MedicalInformation kind, const LocalDateTime& at) {
    last_.insert_or_assign({patientKey, kind}, at);
}

std::optional<LocalDateTime> RecentFetches::last(const std::string& patientKey, MedicalInformation kind) const {
    auto found = last_.find({patientKey, kind});
    if (found == last_.end()) return std::nullopt;
    return found->second;
}

Outcome<bool> mayFetch(FacilityMode mode, const QualificationRecord& record, MedicalInformation kind,
                       const LocalDateTime& now, std::optional<LocalDateTime> lastFetch, bool forced) {
    if (!modeAllowsMedicalInformation(mode))
        return Problem{"medical_info.mode", N_("This facility's mode does not allow medical information")};
    const ConsentState& consent = consentFor(record, kind);
    if (consent.flag.raw != "1")
        return Problem{"medical_info.no_consent", N_("The patient has not consented to share this information")};
    if (!consentAllowsFetch(consent, now))
        return Problem{"medical_info.consent_expired", N_("The patient's consent has expired")};
    if (!forced && lastFetch && minutesOf(now) - minutesOf(*lastFetch) < kRefetchInterval.count() * 60L)
        return Problem{"medical_info.recently_fetched",
                       N_("Fetched for this patient a short while ago; ask again on purpose to fetch once more")};
    return true;
}

std::string medicalInfoAuditAction(MedicalInformation kind, std::string_view event) {
    return std::string(medicalInformationName(kind)) + "." + std::string(event);
}

std::string patientKeyOf(const QualificationRecord& record) {
    return record.insurerNumber + "|" + record.insuredCardSymbol + "|" + record.insuredIdentificationNumber + "|" +
           record.insuredBranchNumber + "|" + record.birthdate;
}

}  // namespace madoguchi
