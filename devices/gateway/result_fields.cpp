#include "devices/gateway/result_fields.h"

namespace madoguchi::gateway::fields {


const TextFields<EligibilityResult> kHeaderText{
    {"ProcessExecutionTime", &EligibilityResult::processExecutionTime},
    {"QualificationConfirmationDate", &EligibilityResult::qualificationConfirmationDate},
    {"MedicalInstitutionCode", &EligibilityResult::medicalInstitutionCode},
    {"ArbitraryFileIdentifier", &EligibilityResult::arbitraryFileIdentifier},
    {"ErrorCode", &EligibilityResult::errorCode},
    {"ErrorMessage", &EligibilityResult::errorMessage},
    {"CharacterCodeIdentifier", &EligibilityResult::characterCodeIdentifier},
};

const TextFields<EligibilityResult> kBodyText{
    {"ProcessingResultCode", &EligibilityResult::processingResultCode},
    {"ProcessingResultMessage", &EligibilityResult::processingResultMessage},
};

const CodedFields<EligibilityResult> kHeaderCoded{
    {"ReferenceClassification", {&EligibilityResult::referenceClassification, "OQSCD002"}},
    {"SegmentOfResult", {&EligibilityResult::segmentOfResult, "OQSCD003"}},
};

const CodedFields<EligibilityResult> kBodyCoded{
    {"ProcessingResultStatus", {&EligibilityResult::processingResultStatus, "OQSCD004"}},
    {"QualificationValidity", {&EligibilityResult::qualificationValidity, "OQSCD006"}},
    {"PrescriptionIssueSelect", {&EligibilityResult::prescriptionIssueSelect, "OQSCD017"}},
};

const TextFields<Q> kRecordText{
    {"InsurerNumber", &Q::insurerNumber},
    {"InsuredCardSymbol", &Q::insuredCardSymbol},
    {"InsuredIdentificationNumber", &Q::insuredIdentificationNumber},
    {"InsuredBranchNumber", &Q::insuredBranchNumber},
    {"InsuredName", &Q::insuredName},
    {"Name", &Q::name},
    {"NameOfOther", &Q::nameOfOther},
    {"NameKana", &Q::nameKana},
    {"NameOfOtherKana", &Q::nameOfOtherKana},
    {"Birthdate", &Q::birthdate},
    {"Address", &Q::address},
    {"PostNumber", &Q::postNumber},
    {"QualificationDate", &Q::qualificationDate},
    {"DisqualificationDate", &Q::disqualificationDate},
    {"InsuredCertificateIssuanceDate", &Q::insuredCertificateIssuanceDate},
    {"InsuredCardValidDate", &Q::insuredCardValidDate},
    {"InsuredCardExpirationDate", &Q::insuredCardExpirationDate},
    {"InsuredPartialContributionRatio", &Q::insuredPartialContributionRatio},
    {"InsurerName", &Q::insurerName},
    {"LimitApplicationCertificateRelatedConsTime", &Q::limitApplicationConsentTime},
    {"SpecificDiseasesCertificateRelatedConsTime", &Q::specificDiseasesConsentTime},
    {"ArbitraryIdentifier", &Q::arbitraryIdentifier},
    {"ReferenceNumber", &Q::referenceNumber},
    {"WelfareOfficeName", &Q::welfareOfficeName},
    {"LimitApplicationCertificateChanged", &Q::limitApplicationCertificateChanged},
};

const CodedFields<Q> kRecordCoded{
    {"InsuredCardClassification", {&Q::insuredCardClassification, "OQSCD010"}},
    {"PersonalFamilyClassification", {&Q::personalFamilyClassification, "OQSCD009"}},
    {"Sex1", {&Q::sex1, "OQSCD007"}},
    {"Sex2", {&Q::sex2, "OQSCD007"}},
    {"PreschoolClassification", {&Q::preschoolClassification, "OQSCD015"}},
    {"ReasonOfLoss", {&Q::reasonOfLoss, "OQSCD008"}},
    {"LimitApplicationCertificateRelatedConsFlg", {&Q::limitApplicationConsent, "OQSCD001"}},
    {"SpecificDiseasesCertificateRelatedConsFlg", {&Q::specificDiseasesConsent, "OQSCD016"}},  // 2 = 同意有効期限切れ
};

// Medical-information consents: element prefix → the record's ConsentState (both 薬剤 spellings).
const std::map<std::string_view, ConsentState Q::*> kConsents{
    {"PharmacistsInfo", &Q::pharmacistsInfo},
    {"PharmaceuticalInfo", &Q::pharmacistsInfo},
    {"SpecificHealthCheckupsInfo", &Q::specificHealthCheckupsInfo},
    {"DiagnosisInfo", &Q::diagnosisInfo},
    {"OperationInfo", &Q::operationInfo},
};

const TextFields<ElderlyRecipientInfo> kElderlyText{
    {"ElderlyRecipientCertificateDate", &ElderlyRecipientInfo::certificateDate},
    {"ElderlyRecipientValidStartDate", &ElderlyRecipientInfo::validStartDate},
    {"ElderlyRecipientValidEndDate", &ElderlyRecipientInfo::validEndDate},
    {"ElderlyRecipientContributionRatio", &ElderlyRecipientInfo::contributionRatio},
};

const TextFields<LimitApplicationInfo> kLimitText{
    {"LimitApplicationCertificateDate", &LimitApplicationInfo::certificateDate},
    {"LimitApplicationCertificateValidStartDate", &LimitApplicationInfo::validStartDate},
    {"LimitApplicationCertificateValidEndDate", &LimitApplicationInfo::validEndDate},
    {"LimitApplicationCertificateLongTermDate", &LimitApplicationInfo::longTermDate},
};

const CodedFields<LimitApplicationInfo> kLimitCoded{
    {"LimitApplicationCertificateClassification", {&LimitApplicationInfo::classification, "OQSCD011"}},
    {"LimitApplicationCertificateClassificationFlag", {&LimitApplicationInfo::classificationFlag, "OQSCD012"}},
};

using M = MedicalTicketInfo;
const TextFields<M> kMedicalTicketText{
    {"TicketType", &M::ticketType},
    {"MedicalTicketValidDate", &M::validDate},
    {"MedicalTicketExpirationDate", &M::expirationDate},
    {"IssueNumber", &M::issueNumber},
    {"MedicalTreatmentMonth", &M::medicalTreatmentMonth},
    {"DesignatedMedicalInstitutionCode", &M::designatedInstitutionCode},
    {"DesignatedMedicalInstitutionFlag", &M::designatedInstitutionFlag},
    {"DesignatedMedicalInstitutionName", &M::designatedInstitutionName},
    {"PrescriptionIssuerMedicalInstitutionCode", &M::prescriptionIssuerCode},
    {"PrescriptionIssuerMedicalInstitutionName", &M::prescriptionIssuerName},
    {"InjuryName1", &M::injuryName1},
    {"InjuryName2", &M::injuryName2},
    {"InjuryName3", &M::injuryName3},
    {"MedicalTreatmentType", &M::medicalTreatmentType},
    {"SelfPayAmount", &M::selfPayAmount},
    {"DistrictContactName", &M::districtContactName},
    {"HandlingContactName", &M::handlingContactName},
    {"SingleOrCombinedUse", &M::singleOrCombinedUse},
    {"StatusOfSocialInsurance", &M::statusOfSocialInsurance},
    {"ConsistencyFlag", &M::consistencyFlag},
    {"StatusOfInfecton", &M::statusOfInfection},  // [sic]: the interface's spelling
    {"StatusOfElderlyMedicalCare", &M::statusOfElderlyMedicalCare},
    {"StatusOfPrefecturalExpenses", &M::statusOfPrefecturalExpenses},
    {"Remarks1", &M::remarks1},
    {"Remarks2", &M::remarks2},
    {"Remarks3", &M::remarks3},
};

const TextFields<SpecificDiseaseInfo> kDiseaseText{
    {"SpecificDiseasesDiseaseCategory", &SpecificDiseaseInfo::diseaseCategory},
    {"SpecificDiseasesCertificateDate", &SpecificDiseaseInfo::certificateDate},
    {"SpecificDiseasesValidStartDate", &SpecificDiseaseInfo::validStartDate},
    {"SpecificDiseasesValidEndDate", &SpecificDiseaseInfo::validEndDate},
    {"SpecificDiseasesSelfPay", &SpecificDiseaseInfo::selfPay},
};

const TextFields<SearchInfo> kSearchInfoText{
    {"InsurerNumber", &SearchInfo::insurerNumber},
    {"InsuredCardSymbol", &SearchInfo::insuredCardSymbol},
    {"InsuredIdentificationNumber", &SearchInfo::insuredIdentificationNumber},
    {"InsuredBranchNumber", &SearchInfo::insuredBranchNumber},
    {"Birthdate", &SearchInfo::birthdate},
    {"LimitApplicationCertificateRelatedConsFlg", &SearchInfo::limitApplicationConsentFlag},
    {"ArbitraryIdentifier", &SearchInfo::arbitraryIdentifier},
};

const TextFields<QueryRequest> kQueryRequestHeader{
    {"QualificationConfirmationDate", &QueryRequest::qualificationConfirmationDate},
    {"MedicalInstitutionCode", &QueryRequest::medicalInstitutionCode},
    {"ArbitraryFileIdentifier", &QueryRequest::arbitraryFileIdentifier},
};

const TextFields<BulkUploadResult> kUploadResultBody{
    {"ReceptionNumber", &BulkUploadResult::receptionNumber},
    {"ReceptionDateTime", &BulkUploadResult::receptionDateTime},
};

const TextFields<BulkDownloadRequest> kDownloadRequestHeader{
    {"MedicalInstitutionCode", &BulkDownloadRequest::medicalInstitutionCode},
};

const TextFields<BulkDownloadRequest> kDownloadRequestBody{
    {"ReceptionNumber", &BulkDownloadRequest::receptionNumber},
};

const TextFields<BulkResult> kBulkResultHeader{
    {"ReceptionNumber", &BulkResult::receptionNumber},
    {"NumberOfProcessingResult", &BulkResult::numberOfProcessingResult},
    {"NumberOfNormalProcessing", &BulkResult::numberOfNormalProcessing},
    {"NumberOfError", &BulkResult::numberOfError},
};

const TextFields<ReferenceRegistration> kRegistrationText{
    {"ReferenceNumber", &ReferenceRegistration::referenceNumber},
    {"InsurerNumber", &ReferenceRegistration::insurerNumber},
    {"InsuredCardSymbol", &ReferenceRegistration::insuredCardSymbol},
    {"InsuredIdentificationNumber", &ReferenceRegistration::insuredIdentificationNumber},
    {"InsuredBranchNumber", &ReferenceRegistration::insuredBranchNumber},
};

const TextFields<RegistrationRequest> kRegistrationRequestHeader{
    {"MedicalInstitutionCode", &RegistrationRequest::medicalInstitutionCode},
    {"ArbitraryFileIdentifier", &RegistrationRequest::arbitraryFileIdentifier},
};

}  // namespace madoguchi::gateway::fields
