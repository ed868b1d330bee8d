#pragma once
// Facility settings the rules depend on (DOMAIN.md §2, §4).
#include <string>
#include <string_view>

namespace madoguchi {

enum class FacilityMode {
    Standard = 1,            // ① 通常のオンライン資格確認
    HomeConsent = 2,         // ② 居宅同意取得型
    QualificationOnly = 3,   // ③ 資格確認限定型: no medical information, no screenshots
};

// 不詳請求 fillers (DOMAIN.md §4): insurer and card numbers are 7s. Not to be confused with the
// 2024 Noto-earthquake disaster rule (99999999).
inline constexpr std::string_view kUnknownClaimFiller = "77777777";
inline constexpr std::string_view kUnknownClaimCheckDigitFiller = "77777779";
inline bool isUnknownClaimFiller(std::string_view insurerNumber) {
    return insurerNumber == kUnknownClaimFiller || insurerNumber == kUnknownClaimCheckDigitFiller;
}

enum class FacilityKind { Clinic, Pharmacy };

struct FacilitySettings {
    std::string medicalInstitutionCode;  // 10 digits
    std::string name;
    FacilityKind kind = FacilityKind::Clinic;
    FacilityMode mode = FacilityMode::Standard;
    // Filler for 不詳請求: 77777777, or 77777779 when the claim software cannot emit the former.
    bool unknownClaimUsesCheckDigitFiller = false;
    std::string unknownClaimInsurerFiller() const {
        return std::string(unknownClaimUsesCheckDigitFiller ? kUnknownClaimCheckDigitFiller : kUnknownClaimFiller);
    }
};

// What a mode allows (DOMAIN.md §2).
bool modeAllowsFaceAuthentication(FacilityMode mode);   // ① only (face reader)
bool modeAllowsMedicalInformation(FacilityMode mode);   // ① and ②
bool modeAllowsScreenshots(FacilityMode mode);          // not ③

}  // namespace madoguchi
