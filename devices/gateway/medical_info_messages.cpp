#include "devices/gateway/medical_info_messages.h"

namespace madoguchi::gateway {

std::string_view requestPrefixFor(MedicalInformation kind) {
    return kind == MedicalInformation::Medication ? kDrugInfoRequestPrefix : kCheckupRequestPrefix;
}

std::string fileCategoryFor(MedicalInformation kind, AnswerFormat format, bool withTreatments) {
    bool treatments = withTreatments && kind == MedicalInformation::Medication;
    if (format == AnswerFormat::Pdf) return treatments ? "3" : "1";
    return treatments ? "4" : "2";
}

AnswerFormat answerFormatOf(const std::string& fileCategory) {
    return fileCategory == "1" || fileCategory == "3" ? AnswerFormat::Pdf : AnswerFormat::Xml;
}

}  // namespace madoguchi::gateway
