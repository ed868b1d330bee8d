#pragma once
// The element names of the 薬剤情報 and 特定健診 messages (INTEROP.md §7) and where each lands:
// one table per source and level serves the parsers (drug_info_answer, checkup_answer,
// request_xml) and the writers (medical_info_xml).
#include <array>
#include <string_view>

#include "devices/gateway/medical_info_messages.h"
#include "devices/gateway/result_fields.h"

namespace madoguchi::gateway::fields {

extern const TextFields<MedicalInfoRequest> kMedicalInfoRequestHeader, kMedicalInfoRequestBody;

// One source of the drug answer: its containers and element names, month → date → drug.
struct DrugSourceNames {
    DrugSource source;
    std::string_view list;                      // "" (MeTrMonthInf sits in MessageBody), "CzDiInf", "ShPrInf"
    std::string_view month, dateList, date, drugList, drug;  // element names
    const TextFields<MedicationDay>* monthFields;
    const TextFields<MedicationDay>* dateFields;
    const TextFields<DispensedDrug>* drugFields;
};
extern const std::array<DrugSourceNames, 3> kDrugSources;  // claims, dispensing, prescription
const DrugSourceNames* drugSourceByMonth(std::string_view element);

extern const TextFields<TreatmentItem> kTreatmentFields;       // MeTrInfs/MeTrInf (claims only)
extern const TextFields<PatientHeader> kDrugPatientFields;      // MessageHeader/QuaInf
extern const TextFields<PatientHeader> kCheckupPatientFields;   // MessageHeader/QualificationsInfo
extern const TextFields<CheckupItem> kCheckupItemFields;        // …/HealthCheckupResultAndQuestionInfo
extern const TextFields<MedicalInfoStatus> kMedicalInfoStatusFields;  // ResultCode, MessageContents (anywhere)

// ResultCode / MessageContents wherever they sit; true when name was one of them.
inline bool assignStatus(MedicalInfoStatus& status, bool& sawResultCode, const std::string& name,
                         const std::string& value) {
    if (!assignText(kMedicalInfoStatusFields, status, name, value)) return false;
    sawResultCode = sawResultCode || name == "ResultCode";
    return true;
}

}  // namespace madoguchi::gateway::fields
