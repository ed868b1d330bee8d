#include "visit_record.h"

#include <array>
#include <utility>

namespace madoguchi {
namespace {

template <class Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [candidate, name] : table)
        if (candidate == value) return name;
    return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [candidate, candidateName] : table)
        if (candidateName == name) return candidate;
    return std::nullopt;
}

constexpr std::array<std::pair<IdentityMethod, std::string_view>, 4> kIdentityNames{{
    {IdentityMethod::None, "none"},
    {IdentityMethod::Face, "face"},
    {IdentityMethod::Pin, "pin"},
    {IdentityMethod::Visual, "visual"},
}};

constexpr std::array<std::pair<EligibilitySource, std::string_view>, 9> kSourceNames{{
    {EligibilitySource::OnlineCard, "online_card"},
    {EligibilitySource::OnlineNumbers, "online_numbers"},
    {EligibilitySource::PortalScreenWithCard, "portal_screen_with_card"},
    {EligibilitySource::NoticeWithCard, "notice_with_card"},
    {EligibilitySource::QualificationCertificate, "qualification_certificate"},
    {EligibilitySource::LegacyInsuranceCard, "legacy_insurance_card"},
    {EligibilitySource::PastRecord, "past_record"},
    {EligibilitySource::SelfDeclaration, "self_declaration"},
    {EligibilitySource::NoProof, "no_proof"},
}};

constexpr std::array<std::pair<ClaimRoute, std::string_view>, 3> kRouteNames{{
    {ClaimRoute::Current, "current"},
    {ClaimRoute::Old, "old"},
    {ClaimRoute::Unknown, "unknown"},
}};

constexpr std::array<std::pair<DeclaredInsuranceType, std::string_view>, 5> kInsuranceTypeNames{{
    {DeclaredInsuranceType::Unknown, "unknown"},
    {DeclaredInsuranceType::EmployeeInsurance, "employee"},
    {DeclaredInsuranceType::NationalHealthInsurance, "kokuho"},
    {DeclaredInsuranceType::NationalHealthInsuranceUnion, "kokuho_union"},
    {DeclaredInsuranceType::LateElderly, "kouki"},
}};

constexpr std::array<std::pair<DeclaredInsuranceType, std::string_view>, 5> kInsuranceTypeJapanese{{
    {DeclaredInsuranceType::Unknown, "わからない"},
    {DeclaredInsuranceType::EmployeeInsurance, "被用者保険"},
    {DeclaredInsuranceType::NationalHealthInsurance, "国民健康保険"},
    {DeclaredInsuranceType::NationalHealthInsuranceUnion, "国保組合"},
    {DeclaredInsuranceType::LateElderly, "後期高齢者医療"},
}};

void addRemark(std::string& text, std::string_view label, const std::string& value) {
    if (value.empty()) return;
    if (!text.empty()) text += "　";
    text.append(label).append("：").append(value);
}

std::string declaredNumbers(const InsuranceIdentity& declared) {
    std::string numbers;
    if (!declared.insurerNumber.empty()) numbers += "保険者番号" + declared.insurerNumber;
    if (!declared.card.symbol.empty()) numbers += (numbers.empty() ? "" : " ") + ("記号" + declared.card.symbol);
    if (!declared.card.number.empty()) numbers += (numbers.empty() ? "" : " ") + ("番号" + declared.card.number);
    if (!declared.card.branch.empty()) numbers += (numbers.empty() ? "" : " ") + ("枝番" + declared.card.branch);
    return numbers;
}

}  // namespace

std::string claimRemarksText(const ClaimRemarks& remarks) {
    std::string text = "不詳";
    addRemark(text, "カナ氏名", remarks.nameKana);
    addRemark(text, "保険種別", std::string(declaredInsuranceTypeJapanese(remarks.insuranceType)));
    addRemark(text, "保険者名", remarks.insurerName);
    addRemark(text, "事業所名", remarks.employer);
    addRemark(text, "住所", remarks.address);
    addRemark(text, "連絡先", remarks.phone);
    addRemark(text, "申立の番号", declaredNumbers(remarks.declaredInsurance));
    addRemark(text, "患者への連絡日", remarks.patientContactedOn ? formatWareki(*remarks.patientContactedOn) : std::string());
    return text;
}

std::string_view declaredInsuranceTypeName(DeclaredInsuranceType value) { return nameOf(kInsuranceTypeNames, value); }
std::optional<DeclaredInsuranceType> declaredInsuranceTypeFromName(std::string_view name) {
    return valueOf(kInsuranceTypeNames, name);
}
std::string_view declaredInsuranceTypeJapanese(DeclaredInsuranceType value) {
    return nameOf(kInsuranceTypeJapanese, value);
}

std::string_view identityMethodName(IdentityMethod value) { return nameOf(kIdentityNames, value); }
std::string_view eligibilitySourceName(EligibilitySource value) { return nameOf(kSourceNames, value); }
std::string_view claimRouteName(ClaimRoute value) { return nameOf(kRouteNames, value); }
std::optional<IdentityMethod> identityMethodFromName(std::string_view name) { return valueOf(kIdentityNames, name); }
std::optional<EligibilitySource> eligibilitySourceFromName(std::string_view name) { return valueOf(kSourceNames, name); }
std::optional<ClaimRoute> claimRouteFromName(std::string_view name) { return valueOf(kRouteNames, name); }

}  // namespace madoguchi
