#pragma once
// Words that differ between a clinic window and a pharmacy counter (issue 6 item 3): the
// caller passes both msgids, marked with N_() so they reach the catalog, and gets the
// translated one for the facility. Pharmacy msgids below are shared by the windows.
#include <wx/string.h>

#include "domain/facility.h"

namespace madoguchi::gui {

wxString facilityWording(FacilityKind kind, const char* clinicMsgid, const char* pharmacyMsgid);

// Common pairs, so every window says the same thing.
wxString visitWord(FacilityKind kind);              // 受診 / 調剤 (the visit itself)
wxString receptionTitle(FacilityKind kind);         // 受付 / 調剤受付
wxString medicalInfoConsentLabel(FacilityKind kind); // 診療・薬剤情報の提供への同意 / 薬剤情報の提供への同意
wxString returningPatientLabel(FacilityKind kind);  // 再診 / 前回と同じ方（再確認）
wxString firstVisitLabel(FacilityKind kind);        // 初診 / 初めての方

}  // namespace madoguchi::gui
