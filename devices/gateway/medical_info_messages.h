#pragma once
// 薬剤情報 (YZKsiquc01) and 特定健診 (TKKsiquc01) retrieval through the folders (INTEROP.md §7,
// docs/gateway.md "薬剤情報 and 特定健診"): the request, and the answer's status and content. The
// answer is .xml (parsed here) or .pdf (kept for viewing only).
#include <string>
#include <string_view>

#include "devices/gateway/gateway_messages.h"
#include "domain/checkup_results.h"
#include "domain/medical_information_gate.h"
#include "domain/medication_history.h"

namespace madoguchi::gateway {

inline constexpr std::string_view kDrugInfoRequestPrefix = "YZKsiquc01req_";
inline constexpr std::string_view kCheckupRequestPrefix = "TKKsiquc01req_";
std::string_view requestPrefixFor(MedicalInformation kind);

// FileCategory: 1 PDF, 2 XML; for 薬剤 also 3 PDF and 4 XML with the 診療 items.
enum class AnswerFormat { Pdf, Xml };
std::string fileCategoryFor(MedicalInformation kind, AnswerFormat format, bool withTreatments);
AnswerFormat answerFormatOf(const std::string& fileCategory);  // "1"/"3" PDF, else XML

struct MedicalInfoRequest {  // YZKsiquc01req / TKKsiquc01req
    // header: the insured person's numbers under their own names, not the 照会's
    std::string medicalInstitutionCode, insurerNumber, insuranceCardSymbol, insuredPersonIdentificationNumber,
        branchNumber, arbitraryFileIdentifier;
    // body: StartDate/EndDate (yyyyMM, 薬剤 only), FileCategory, PrDiInfClassification, MedicalTreatmentFlag (OQSCD028)
    std::string startDate, endDate, fileCategory, prDiInfClassification = "1", medicalTreatmentFlag = "1";
    OtherElements otherElements;
};

struct MedicalInfoStatus {
    std::string resultCode;       // 1 = the information follows
    std::string messageContents;  // the terminal's text when it is not
    bool succeeded() const { return resultCode == "1"; }
};

struct DrugInfoAnswer {  // YZKsiquc01res (.xml)
    MedicalInfoStatus status;
    MedicationHistory history;  // as the file lists it (mergeSources not yet applied)
};

struct CheckupAnswer {  // TKKsiquc01res (.xml)
    MedicalInfoStatus status;
    CheckupHistory history;  // as the file lists it
};

}  // namespace madoguchi::gateway
