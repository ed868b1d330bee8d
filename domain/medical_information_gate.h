#pragma once
// When the window or the command line may fetch 薬剤情報 or 特定健診 results (DOMAIN.md §2,
// INTEROP.md §7): the facility mode allows medical information (not ③), the reception result
// carries the patient's consent (flag 1) and its …AvailableTime has not passed, and the same patient
// was not fetched within kRefetchInterval unless staff ask again on purpose.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/eligibility.h"
#include "domain/facility.h"
#include "domain/outcome.h"
#include "domain/ports/clock.h"

namespace madoguchi {

enum class MedicalInformation { Medication, Checkups };
const char* medicalInformationName(MedicalInformation kind);  // "medication", "checkups"
// The audit trail's action for an event about the kind: "medication.fetch", "checkups.view", …
// Events: fetch, fetch_refused, view, print, pdf, parse.
std::string medicalInfoAuditAction(MedicalInformation kind, std::string_view event);

// Deployed software asks for XML at most every 6 hours per patient (INTEROP.md §7).
inline constexpr std::chrono::hours kRefetchInterval{6};

// The consent the record carries for the kind: 薬剤 ← PharmacistsInfo, 健診 ← SpecificHealthCheckupsInfo.
const ConsentState& consentFor(const QualificationRecord& record, MedicalInformation kind);

// The consent allows a fetch at `now`: flag "1" and an AvailableTime (YYYYMMDDHHmmss or YYYYMMDD,
// the latter meaning to the end of that day) not before now. An empty or unreadable time allows
// nothing (the consent's end is unknown).
bool consentAllowsFetch(const ConsentState& consent, const LocalDateTime& now);

// True when the action exists at all (the window shows it): mode and consent.
bool mayOfferFetch(FacilityMode mode, const QualificationRecord& record, MedicalInformation kind,
                   const LocalDateTime& now);

// The fetches made, per patient and kind, to refuse a second one within kRefetchInterval.
class RecentFetches {
public:
    void record(const std::string& patientKey, MedicalInformation kind, const LocalDateTime& at);
    std::optional<LocalDateTime> last(const std::string& patientKey, MedicalInformation kind) const;

private:
    std::map<std::pair<std::string, MedicalInformation>, LocalDateTime> last_;
};

// The decision for one fetch: true, or a Problem ("medical_info.mode", "medical_info.no_consent",
// "medical_info.consent_expired", "medical_info.recently_fetched") with an English message.
Outcome<bool> mayFetch(FacilityMode mode, const QualificationRecord& record, MedicalInformation kind,
                       const LocalDateTime& now, std::optional<LocalDateTime> lastFetch, bool forced);

// The patient key the fetch history uses: insurer, symbol, number, branch and birth date of the record.
std::string patientKeyOf(const QualificationRecord& record);

}  // namespace madoguchi
