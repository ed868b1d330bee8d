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

constexpr std::array<std::pair<EligibilitySource, std::string_view>, 8> kSourceNames{{
    {EligibilitySource::OnlineCard, "online_card"},
    {EligibilitySource::OnlineNumbers, "online_numbers"},
    {EligibilitySource::PortalScreenWithCard, "portal_screen_with_card"},
    {EligibilitySource::NoticeWithCard, "notice_with_card"},
    {EligibilitySource::QualificationCertificate, "qualification_certificate"},
    {EligibilitySource::LegacyInsuranceCard, "legacy_insurance_card"},
    {EligibilitySource::PastRecord, "past_record"},
    {EligibilitySource::SelfDeclaration, "self_declaration"},
}};

constexpr std::array<std::pair<ClaimRoute, std::string_view>, 3> kRouteNames{{
    {ClaimRoute::Current, "current"},
    {ClaimRoute::Old, "old"},
    {ClaimRoute::Unknown, "unknown"},
}};

}  // namespace

std::string_view identityMethodName(IdentityMethod value) { return nameOf(kIdentityNames, value); }
std::string_view eligibilitySourceName(EligibilitySource value) { return nameOf(kSourceNames, value); }
std::string_view claimRouteName(ClaimRoute value) { return nameOf(kRouteNames, value); }
std::optional<IdentityMethod> identityMethodFromName(std::string_view name) { return valueOf(kIdentityNames, name); }
std::optional<EligibilitySource> eligibilitySourceFromName(std::string_view name) { return valueOf(kSourceNames, name); }
std::optional<ClaimRoute> claimRouteFromName(std::string_view name) { return valueOf(kRouteNames, name); }

}  // namespace madoguchi
