#pragma once
// Facility settings the rules depend on (DOMAIN.md §2, §4).
#include <string>

namespace madoguchi {

enum class FacilityMode {
    Standard = 1,            // ① 通常のオンライン資格確認
    HomeConsent = 2,         // ② 居宅同意取得型
    QualificationOnly = 3,   // ③ 資格確認限定型: no medical information, no screenshots
};

enum class FacilityKind { Clinic, Pharmacy };

struct FacilitySettings {
    std::string medicalInstitutionCode;  // 10 digits
    std::string name;
    FacilityKind kind = FacilityKind::Clinic;
    FacilityMode mode = FacilityMode::Standard;
    // Filler for 不詳請求: 77777777, or 77777779 when the claim software cannot emit the former.
    bool unknownClaimUsesCheckDigitFiller = false;
    std::string unknownClaimInsurerFiller() const { return unknownClaimUsesCheckDigitFiller ? "77777779" : "77777777"; }
};

// What a mode allows (DOMAIN.md §2).
bool modeAllowsFaceAuthentication(FacilityMode mode);   // ① only (face reader)
bool modeAllowsMedicalInformation(FacilityMode mode);   // ① and ②
bool modeAllowsScreenshots(FacilityMode mode);          // not ③

}  // namespace madoguchi
