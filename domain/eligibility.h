#pragma once
// The answer of the online-qualification system (DOMAIN.md §9.2): 照会 results and face files
// share it. Every element keeps its raw text; coded elements also carry their decoded label.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "date.h"

namespace madoguchi {

// A coded element: the raw text of the file and its label from the code tables (OQSCDnnn).
struct CodedValue {
    std::string raw;
    std::string label;   // empty when the code is not in the table
    bool known = false;  // the code was found in the table
    bool present() const { return !raw.empty(); }
};

enum class QualificationValidity {  // OQSCD006
    Valid = 1,
    Invalid = 2,
    InvalidNewerExists = 3,
    NoSuchQualification = 4,
    MultipleMatches = 5,
    ValidUnregistered = 6,  // 有効（未登録）: 医療扶助 only, never health insurance (DOMAIN.md §9.3)
};

struct ConsentState {  // OQSCD016 flag with its times
    CodedValue flag;
    std::string consentTime;    // raw YYYYMMDDHHmmss
    std::string availableTime;  // raw
};

struct ElderlyRecipientInfo {  // 高齢受給者証 (70-74)
    std::string certificateDate, validStartDate, validEndDate;  // raw YYYYMMDD
    std::string contributionRatio;                              // "020" / "030"
};

struct LimitApplicationInfo {  // 限度額適用認定証
    CodedValue classification;      // OQSCD011
    CodedValue classificationFlag;  // OQSCD012
    std::string certificateDate, validStartDate, validEndDate, longTermDate;
};

struct SpecificDiseaseInfo {  // 特定疾病療養受療証
    std::string diseaseCategory, certificateDate, validStartDate, validEndDate, selfPay;
};

// 医療券・調剤券 of 医療扶助 (PublicExpenseResultList/MedicalTicketInfo; 生活保護 patients): every
// element kept as the terminal sent it.
struct MedicalTicketInfo {
    std::string ticketType, validDate, expirationDate, issueNumber, medicalTreatmentMonth;  // 券別, 有効開始/終了, 交付番号, 診療年月
    std::string designatedInstitutionCode, designatedInstitutionFlag, designatedInstitutionName;  // 指定医療機関
    std::string prescriptionIssuerCode, prescriptionIssuerName;  // 処方箋発行元医療機関
    std::string injuryName1, injuryName2, injuryName3, medicalTreatmentType, selfPayAmount;  // 傷病名, 診療別, 本人支払額
    std::string districtContactName, handlingContactName, singleOrCombinedUse;  // 地区担当員, 取扱担当者, 単独・併用別
    std::string statusOfSocialInsurance, consistencyFlag, statusOfInfection, statusOfElderlyMedicalCare;
    std::string statusOfPrefecturalExpenses, remarks1, remarks2, remarks3;
};

struct QualificationRecord {  // one ResultOfQualificationConfirmation
    CodedValue insuredCardClassification;  // OQSCD010
    std::string insurerNumber;             // trimmed
    std::string insuredCardSymbol, insuredIdentificationNumber, insuredBranchNumber;
    CodedValue personalFamilyClassification;  // OQSCD009
    std::string insuredName, name, nameOfOther, nameKana, nameOfOtherKana;
    bool nameHasUnrepresentableCharacters = false;  // a '●' in Name / NameOfOther / InsuredName
    CodedValue sex1, sex2;                          // OQSCD007
    std::string birthdate;                          // raw YYYYMMDD
    std::string address, postNumber;
    std::string qualificationDate, disqualificationDate, insuredCertificateIssuanceDate;
    std::string insuredCardValidDate, insuredCardExpirationDate;  // empty is common: never "expired"
    std::string insuredPartialContributionRatio;                  // "010"/"020"/"030" for 後期
    CodedValue preschoolClassification;                           // OQSCD015
    CodedValue reasonOfLoss;                                      // OQSCD008
    std::string insurerName;
    std::optional<ElderlyRecipientInfo> elderlyRecipient;
    CodedValue limitApplicationConsent;  // OQSCD001
    std::string limitApplicationConsentTime;
    std::optional<LimitApplicationInfo> limitApplication;
    CodedValue specificDiseasesConsent;
    std::string specificDiseasesConsentTime;
    std::vector<SpecificDiseaseInfo> specificDiseases;
    std::string welfareOfficeName;                 // 福祉事務所名 (医療扶助: stands for the insurer's name)
    std::vector<MedicalTicketInfo> medicalTickets;  // 医療扶助 (PublicExpenseResultList)
    std::string limitApplicationCertificateChanged; // "1" changed since the last 照会, "0" not (bulk records; VERIFY)
    ConsentState pharmacistsInfo, specificHealthCheckupsInfo, diagnosisInfo, operationInfo;
    std::string arbitraryIdentifier, referenceNumber;
    std::vector<std::pair<std::string, std::string>> otherElements;  // kept, not interpreted

    std::optional<Date> birthDate() const { return Date::parseCompact(birthdate); }
};

struct EligibilityResult {
    // MessageHeader
    std::string processExecutionTime, qualificationConfirmationDate, medicalInstitutionCode;
    std::string arbitraryFileIdentifier;
    CodedValue referenceClassification;  // OQSCD002
    CodedValue segmentOfResult;          // OQSCD003
    std::string errorCode, errorMessage, characterCodeIdentifier;
    // MessageBody
    CodedValue processingResultStatus;  // OQSCD004
    std::string processingResultCode, processingResultMessage;
    CodedValue qualificationValidity;      // OQSCD006
    CodedValue prescriptionIssueSelect;    // OQSCD017
    std::vector<QualificationRecord> results;
    std::vector<std::pair<std::string, std::string>> otherElements;  // header/body elements not interpreted

    std::optional<QualificationValidity> validity() const;
    // Confirmed only when SegmentOfResult=1, ProcessingResultStatus=1, QualificationValidity=1
    // and exactly one result is present (DOMAIN.md §9.2).
    bool isConfirmed() const;
    // Segment 9 or status 2: the system failed; the window takes the fallback branch.
    bool isSystemError() const;
};

}  // namespace madoguchi
