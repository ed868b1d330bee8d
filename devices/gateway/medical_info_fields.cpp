#include "devices/gateway/medical_info_fields.h"

namespace madoguchi::gateway::fields {
namespace {

using Day = MedicationDay;
using Drug = DispensedDrug;

const TextFields<Day> kClaimsMonth{{"DiOrg", &Day::organisation},       {"MeTrDiHCd", &Day::institutionCode},
                                   {"MeTrDiHNm", &Day::institutionName}, {"PrlsHCd", &Day::prescriberCode},
                                   {"PrlsHNm", &Day::prescriberName},    {"InOut", &Day::inOut},
                                   {"MeTrMonth", &Day::month}};
const TextFields<Day> kDispensingMonth{{"CzDiOrg", &Day::organisation},       {"CzMeTrDiHCd", &Day::institutionCode},
                                       {"CzMeTrDiHNm", &Day::institutionName}, {"CzPrlsHCd", &Day::prescriberCode},
                                       {"CzPrlsHNm", &Day::prescriberName},    {"CzPrCl", &Day::inOut},
                                       {"CzDiMonth", &Day::month}};
const TextFields<Day> kPrescriptionMonth{{"ShPrOrg", &Day::organisation},       {"ShMeTrDiHCd", &Day::institutionCode},
                                         {"ShMeTrDiHNm", &Day::institutionName}, {"ShPrHCd", &Day::prescriberCode},
                                         {"ShPrHNm", &Day::prescriberName},      {"ShPrCl", &Day::inOut},
                                         {"ShPrMonth", &Day::month}};

const TextFields<Day> kClaimsDate{{"DiDate", &Day::date}, {"PrDate", &Day::prescriptionDate}};
const TextFields<Day> kDispensingDate{{"CzDiDate", &Day::date}, {"CzPrDate", &Day::prescriptionDate}};
const TextFields<Day> kPrescriptionDate{{"ShPrDate", &Day::date}};  // one date: deployed software reads it as both

const TextFields<Drug> kClaimsDrug{
    {"DrugC", &Drug::code},  {"DrugN", &Drug::name},   {"IngreN", &Drug::ingredient}, {"Qua1", &Drug::quantity},
    {"Unit", &Drug::unit},   {"UsageN", &Drug::usage}, {"SpInst", &Drug::specialInstruction},
    {"Times", &Drug::days},  {"MeTrIdCl", &Drug::usageClass}};
const TextFields<Drug> kDispensingDrug{
    {"CzDrugC", &Drug::code},  {"CzDrugN", &Drug::name},   {"CzIngreN", &Drug::ingredient}, {"CzQua1", &Drug::quantity},
    {"CzUnit", &Drug::unit},   {"CzUsageN", &Drug::usage}, {"CzSpInst", &Drug::specialInstruction},
    {"CzTimes", &Drug::days},  {"CzUsageCl", &Drug::usageClass}};
const TextFields<Drug> kPrescriptionDrug{
    {"ShDrugC", &Drug::code},  {"ShDrugN", &Drug::name},   {"ShIngreN", &Drug::ingredient}, {"ShQua1", &Drug::quantity},
    {"ShUnit", &Drug::unit},   {"ShUsageN", &Drug::usage}, {"ShSpInst", &Drug::specialInstruction},
    {"ShTimes", &Drug::days},  {"ShUsageCl", &Drug::usageClass}};

}  // namespace

const TextFields<MedicalInfoRequest> kMedicalInfoRequestHeader{
    {"MedicalInstitutionCode", &MedicalInfoRequest::medicalInstitutionCode},
    {"InsurerNumber", &MedicalInfoRequest::insurerNumber},
    {"InsuranceCardSymbol", &MedicalInfoRequest::insuranceCardSymbol},
    {"InsuredPersonIdentificationNumber", &MedicalInfoRequest::insuredPersonIdentificationNumber},
    {"BranchNumber", &MedicalInfoRequest::branchNumber},
    {"ArbitraryFileIdentifier", &MedicalInfoRequest::arbitraryFileIdentifier}};
const TextFields<MedicalInfoRequest> kMedicalInfoRequestBody{
    {"StartDate", &MedicalInfoRequest::startDate},
    {"EndDate", &MedicalInfoRequest::endDate},
    {"FileCategory", &MedicalInfoRequest::fileCategory},
    {"PrDiInfClassification", &MedicalInfoRequest::prDiInfClassification},
    {"MedicalTreatmentFlag", &MedicalInfoRequest::medicalTreatmentFlag}};

const std::array<DrugSourceNames, 3> kDrugSources{{
    {DrugSource::Claims, "", "MeTrMonthInf", "DiDateInfs", "DiDateInf", "DrugInfs", "DrugInf", &kClaimsMonth,
     &kClaimsDate, &kClaimsDrug},
    {DrugSource::Dispensing, "CzDiInf", "CzDiMonthInf", "CzDiDateInfs", "CzDiDateInf", "CzDrugInfs", "CzDrugInf",
     &kDispensingMonth, &kDispensingDate, &kDispensingDrug},
    {DrugSource::Prescription, "ShPrInf", "ShPrMonthInf", "ShPrDateInfs", "ShPrDateInf", "ShDrugInfs", "ShDrugInf",
     &kPrescriptionMonth, &kPrescriptionDate, &kPrescriptionDrug},
}};

const DrugSourceNames* drugSourceByMonth(std::string_view element) {
    for (const auto& names : kDrugSources)
        if (names.month == element) return &names;
    return nullptr;
}

const TextFields<TreatmentItem> kTreatmentFields{
    {"SinInfCd", &TreatmentItem::code}, {"SinInfN", &TreatmentItem::name},  {"Qua1", &TreatmentItem::quantity},
    {"Times", &TreatmentItem::times},   {"Unit", &TreatmentItem::unit},     {"MeTrIdCl", &TreatmentItem::usageClass}};
const TextFields<PatientHeader> kDrugPatientFields{{"Name", &PatientHeader::name},
                                                   {"KanaName", &PatientHeader::kanaName},
                                                   {"Birth", &PatientHeader::birthdate},
                                                   {"AdmGendCode", &PatientHeader::sex}};
const TextFields<PatientHeader> kCheckupPatientFields{{"Name", &PatientHeader::name},
                                                      {"KanasName", &PatientHeader::kanaName},
                                                      {"Birthday", &PatientHeader::birthdate},
                                                      {"AdministrativeGenderCode", &PatientHeader::sex}};
const TextFields<CheckupItem> kCheckupItemFields{
    {"ItemCode", &CheckupItem::code},   {"ItemName", &CheckupItem::name},
    {"DataType", &CheckupItem::dataType}, {"DataValue", &CheckupItem::value},
    {"DataValueName", &CheckupItem::valueName}, {"Unit", &CheckupItem::unit},
    {"Oid", &CheckupItem::oid},         {"ReferenceRangeLow", &CheckupItem::rangeLow},
    {"ReferenceRangeHigh", &CheckupItem::rangeHigh}};
const TextFields<MedicalInfoStatus> kMedicalInfoStatusFields{{"ResultCode", &MedicalInfoStatus::resultCode},
                                                             {"MessageContents", &MedicalInfoStatus::messageContents}};

}  // namespace madoguchi::gateway::fields
