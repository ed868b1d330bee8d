#pragma once
// The online-qualification messages besides the single result (DOMAIN.md §9, docs/gateway.md
// "Messages"): the 照会 request (single OQSsiquc01req and bulk OQSmuquc01req), the bulk upload
// result (OQSmuquc01res), the bulk download request and result (OQSmuquc02req/res), and the 照会番号
// registration request and result (OQSsiimm01req/res; OQSmuimm01req carries many entries).
// Every element keeps its raw text; insurer numbers are trimmed when read.
#include <string>
#include <utility>
#include <vector>

#include "domain/eligibility.h"

namespace madoguchi::gateway {

using OtherElements = std::vector<std::pair<std::string, std::string>>;  // "Parent/Name" → text, not interpreted

struct SearchInfo {  // QualificationConfirmSearchInfo: one person of a 照会
    std::string insurerNumber;  // trimmed when read; written right-aligned to 8 with spaces
    std::string insuredCardSymbol, insuredIdentificationNumber, insuredBranchNumber;
    std::string birthdate;                    // raw YYYYMMDD
    std::string limitApplicationConsentFlag;  // OQSCD001 "0"/"1"
    std::string arbitraryIdentifier;          // echoed in the result
};

struct QueryRequest {  // OQSsiquc01req (one person), OQSmuquc01req (many)
    std::string qualificationConfirmationDate, medicalInstitutionCode, arbitraryFileIdentifier;
    std::vector<SearchInfo> people;
    OtherElements otherElements;
};

struct BulkUploadResult {  // OQSmuquc01res: the terminal accepted a bulk request
    EligibilityResult status;  // header and ProcessingResult… (no ResultList)
    std::string receptionNumber, receptionDateTime;
};

struct BulkDownloadRequest {  // OQSmuquc02req
    std::string medicalInstitutionCode, receptionNumber;
    OtherElements otherElements;
};

struct BulkResultUnit {  // BulkConfirmUnit: one person's answer in a bulk result
    SearchInfo searched;
    // The unit's ProcessingResult…, QualificationValidity and record, with the file's header
    // copied in so that isConfirmed() and isSystemError() read as for a single result.
    EligibilityResult result;
    std::string referenceNumber;
};

struct BulkResult {  // OQSmuquc02res
    EligibilityResult header;  // the MessageHeader elements shared with the single result
    std::string receptionNumber, numberOfProcessingResult, numberOfNormalProcessing, numberOfError;
    std::vector<BulkResultUnit> units;
};

struct ReferenceRegistration {  // ReferenceNumberRegistrationInfo: 照会番号 → insured numbers
    std::string referenceNumber;
    std::string insurerNumber;  // trimmed when read; written right-aligned to 8 with spaces
    std::string insuredCardSymbol, insuredIdentificationNumber, insuredBranchNumber;
};

struct RegistrationRequest {  // OQSsiimm01req (one entry), OQSmuimm01req (many)
    std::string medicalInstitutionCode, arbitraryFileIdentifier;
    std::vector<ReferenceRegistration> entries;
    OtherElements otherElements;
};

struct RegistrationResult {  // OQSsiimm01res
    EligibilityResult status;  // header and ProcessingResult…
    std::vector<ReferenceRegistration> entries;
};

}  // namespace madoguchi::gateway
