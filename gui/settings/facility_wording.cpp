#include "gui/settings/facility_wording.h"

#include <wx/intl.h>

#include "domain/outcome.h"

namespace madoguchi::gui {

wxString facilityWording(FacilityKind kind, const char* clinicMsgid, const char* pharmacyMsgid) {
    return wxGetTranslation(wxString::FromUTF8(kind == FacilityKind::Pharmacy ? pharmacyMsgid : clinicMsgid));
}

wxString visitWord(FacilityKind kind) { return facilityWording(kind, N_("Visit"), N_("Dispensing")); }

wxString receptionTitle(FacilityKind kind) {
    return facilityWording(kind, N_("Reception"), N_("Prescription counter"));
}

wxString medicalInfoConsentLabel(FacilityKind kind) {
    return facilityWording(kind, N_("Consent to share medical and medication information"),
                           N_("Consent to share medication information (薬剤情報)"));
}

wxString returningPatientLabel(FacilityKind kind) {
    return facilityWording(kind, N_("Returning patient (再診)"), N_("Returning customer: quick re-check"));
}

wxString firstVisitLabel(FacilityKind kind) {
    return facilityWording(kind, N_("First visit (初診)"), N_("First time at this pharmacy"));
}

}  // namespace madoguchi::gui
