#pragma once
// What a finished reception leaves behind: the record the journal stores, the claim is tagged
// from and the manager's reports count.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "card_numbers.h"
#include "copay.h"
#include "date.h"
#include "eligibility.h"

namespace madoguchi {

enum class IdentityMethod { None, Face, Pin, Visual };

enum class EligibilitySource {
    OnlineCard,                // マイナ保険証, online 照会 by the card
    OnlineNumbers,             // online 照会 by card numbers
    PortalScreenWithCard,      // マイナポータル 資格情報画面 + the card
    NoticeWithCard,            // 資格情報のお知らせ + the card
    QualificationCertificate,  // 資格確認書
    LegacyInsuranceCard,       // 健康保険証 before its cut-off
    PastRecord,                // 再診: the last recorded eligibility, confirmed orally
    SelfDeclaration,           // 初診: 被保険者資格申立書
    NoProof,                   // nothing shown: 10割負担（自費）from the first step, with a reason
};

enum class ClaimRoute {
    Current,  // the current eligibility is known
    Old,      // only a past eligibility is known (旧資格請求)
    Unknown,  // nothing known (不詳請求): 7s filler, 申立書 details in 摘要欄
};

enum class VisitKind { Unspecified, FirstVisit, ReturnVisit };  // 初診 / 再診

// 保険の種類 as the patient ticks it on the 申立書.
enum class DeclaredInsuranceType {
    Unknown,                      // わからない (the claim may go to 支払基金 or 国保連)
    EmployeeInsurance,            // 被用者保険 (協会けんぽ, 組合, 共済, ...)
    NationalHealthInsurance,      // 国民健康保険 (市町村)
    NationalHealthInsuranceUnion, // 国保組合
    LateElderly,                  // 後期高齢者医療
};

std::string_view identityMethodName(IdentityMethod);        // "none" "face" "pin" "visual"
std::string_view eligibilitySourceName(EligibilitySource);  // "online_card" ...
std::string_view claimRouteName(ClaimRoute);                // "current" "old" "unknown"
std::optional<IdentityMethod> identityMethodFromName(std::string_view);
std::optional<EligibilitySource> eligibilitySourceFromName(std::string_view);
std::optional<ClaimRoute> claimRouteFromName(std::string_view);
std::string_view declaredInsuranceTypeName(DeclaredInsuranceType);  // "unknown" "employee" "kokuho" ...
std::optional<DeclaredInsuranceType> declaredInsuranceTypeFromName(std::string_view);
std::string_view declaredInsuranceTypeJapanese(DeclaredInsuranceType);  // 被用者保険 ... わからない

struct PatientDetails {
    std::string name;      // display name, staff may correct a '●'
    std::string nameKana;
    std::optional<Date> birthDate;
    std::string sex;       // "1" / "2" / "3" (OQSCD007) or empty
    std::string address, postNumber, phone, employer;  // the 申立書 fills address/employer/phone
};

// What the 摘要欄 of a 不詳請求 needs, from the 申立書 (医療保険部会 2025-10-16: 不詳・カナ氏名・
// 保険種別・保険者等名称・事業所名・住所・連絡先・患者への連絡を行った日). The numbers are kept as the
// patient wrote them even though the claim carries the 7s.
struct ClaimRemarks {
    std::string nameKana;
    DeclaredInsuranceType insuranceType = DeclaredInsuranceType::Unknown;
    std::string insurerName;
    std::string employer, address, phone;
    InsuranceIdentity declaredInsurance;          // as written, possibly incomplete
    std::optional<Date> patientContactedOn;       // the day the facility reached the patient later
};

// The ready 摘要欄 text for the レセコン (Japanese: it is claim content, not a window label).
std::string claimRemarksText(const ClaimRemarks& remarks);

// A share staff changed at the copay step (the rules' share, or none when they could not decide).
struct ShareCorrection {
    std::optional<CopayShare> decided;
    CopayShare chosen = CopayShare::full();
    std::string reason;
};

// One step the receptionist and the session took, for the visit's trail.
struct TrailStep {
    LocalDateTime at;
    std::string fromState;
    std::string event;
    std::string toState;
    std::string note;
};

struct VisitRecord {
    std::string visitId;     // assigned by the session (facility-unique)
    std::string patientId;   // the facility's own patient number, if known
    PatientDetails patient;
    VisitKind visitKind = VisitKind::Unspecified;

    IdentityMethod identityMethod = IdentityMethod::None;
    std::string identityConfirmedBy;  // staff id for 目視
    EligibilitySource source = EligibilitySource::OnlineCard;
    std::optional<EligibilityResult> onlineResult;  // what the gateway answered, if it did
    std::string rawGatewayXml;                      // the answer as received, for the journal
    std::string pendingRequestId;                   // a 照会 still unanswered (never resent)
    InsuranceIdentity insurance;                    // what the claim carries
    std::string insurerName = {};                   // 保険者名, when the source gives it
    ClaimRoute claimRoute = ClaimRoute::Current;

    CopayShare share = CopayShare::full();
    std::string shareBasis;  // why this share ("result: 後期 030", "age 45", "declared")
    std::optional<std::int64_t> points;
    std::optional<Yen> copay;
    std::string fullChargeReason;  // required when share is 10割
    std::optional<ShareCorrection> shareCorrection = {};  // staff overrode the rules' share, with a reason
    std::optional<ClaimRemarks> claimRemarks = {};        // the 申立書 path: what the 摘要欄 needs

    std::string staffId;
    LocalDateTime startedAt{*Date::fromYmd(2000, 1, 1)};
    LocalDateTime completedAt{*Date::fromYmd(2000, 1, 1)};
    bool cancelled = false;
    std::string cancelReason;
    std::vector<std::string> warnings;  // English msgids
    std::vector<TrailStep> trail;
};

}  // namespace madoguchi
