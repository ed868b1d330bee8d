#pragma once
// 薬剤情報 as the terminal answers it (INTEROP.md §7): three sources, each month → date → drug.
// The merge rule of deployed software (claims-based first; a lower-ranked source's entry for the
// same institution and date is kept but marked revised) and the 重複投薬 flag (the same ingredient
// from different institutions in overlapping periods).
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"

namespace madoguchi {

// Ranked as deployed software ranks them: a lower number wins a duplicate.
enum class DrugSource {
    Claims = 1,        // MeTrMonthInf: レセプト-based
    Dispensing = 2,    // CzDiInf: 電子処方箋 dispensing data (interpretation)
    Prescription = 3,  // ShPrInf: 電子処方箋 prescription data (interpretation)
};
const char* drugSourceName(DrugSource source);  // "claims", "dispensing", "prescription"

struct DispensedDrug {
    std::string code, name, ingredient;  // DrugC, DrugN, IngreN
    std::string quantity, unit;          // Qua1, Unit
    std::string usage, specialInstruction;  // UsageN, SpInst
    std::string days;                    // Times: days of supply (or doses for 頓服)
    std::string usageClass;              // MeTrIdCl / CzUsageCl / ShUsageCl
};

struct TreatmentItem {  // 診療 (MeTrInf), only with FileCategory 3/4
    std::string code, name;  // SinInfCd, SinInfN
    std::string quantity, times, unit, usageClass;
};

struct MedicationDay {
    DrugSource source = DrugSource::Claims;
    std::string month;                             // yyyyMM
    std::string institutionCode, institutionName;  // the claim's 医療機関・薬局 (MeTrDiHCd/Nm)
    std::string prescriberCode, prescriberName;    // 処方医療機関 (PrlsHCd/Nm)
    std::string organisation;                      // DiOrg / CzDiOrg / ShPrOrg
    std::string inOut;                             // InOut / CzPrCl / ShPrCl
    std::string date, prescriptionDate;            // DiDate, PrDate (yyyyMMdd)
    std::vector<DispensedDrug> drugs;
    std::vector<TreatmentItem> treatments;
    bool revised = false;  // a higher-ranked source holds the same institution and date
    // The institution that counts for merging and duplicates: the prescriber when it is a 10-digit
    // 医科 or 歯科 code (third digit 1 or 3), else the claim's institution.
    std::string institutionKey() const;
};

struct PatientHeader {  // the answer's header (QuaInf / QualificationsInfo)
    std::string name, kanaName, birthdate, sex;
};

struct MedicationHistory {
    PatientHeader patient;
    std::vector<MedicationDay> days;
};

// Orders the days by date (then source rank) and marks every day whose institution and date a
// higher-ranked source also holds as revised. Idempotent.
void mergeSources(MedicationHistory& history);

struct DrugPeriod {  // one drug as taken: from its date for its days
    const MedicationDay* day = nullptr;
    const DispensedDrug* drug = nullptr;
    Date first, last;
};

struct PossibleDuplicate {  // 重複投薬の可能性
    std::string ingredient;  // as the first entry spells it
    DrugPeriod earlier, later;
};

// The same ingredient (equal ingredient text, or equal drug code) from different institutions
// (institutionKey) whose periods overlap: first = the date, last = date + days − 1 (days under 1
// count as 1). Revised days and days without a valid date are left out. Each pair once.
std::vector<PossibleDuplicate> possibleDuplicates(const MedicationHistory& history);

}  // namespace madoguchi
