#pragma once
// Writing the 薬剤情報 / 特定健診 messages (UTF-8; request_encoding.h re-encodes): the request a
// facility sends, and for the simulator and tests the answers, in the shape INTEROP.md §7 gives.
// Readers: request_xml.h (requests), drug_info_answer.h, checkup_answer.h.
#include <string>

#include "devices/gateway/medical_info_messages.h"

namespace madoguchi::gateway {

// Header MedicalInstitutionCode, InsurerNumber (right-aligned to 8 with spaces), InsuranceCardSymbol,
// InsuredPersonIdentificationNumber, BranchNumber, ArbitraryFileIdentifier; body StartDate, EndDate
// (薬剤 only), FileCategory, PrDiInfClassification, MedicalTreatmentFlag — deployed software's order.
std::string medicalInfoRequestXml(const MedicalInfoRequest& request, MedicalInformation kind);

// ResultCode and MessageContents in the header; an answer that failed carries no body content.
std::string drugInfoAnswerXml(const DrugInfoAnswer& answer);
std::string checkupAnswerXml(const CheckupAnswer& answer);

}  // namespace madoguchi::gateway
