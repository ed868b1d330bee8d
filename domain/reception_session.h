#pragma once
// One ReceptionSession per patient at the window: an explicit state machine over every branch of
// DOMAIN.md §4-§7. The GUI, the CLI and the tests drive the same machine.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "certificate_rules.h"
#include "copay_rules.h"
#include "eligibility.h"
#include "facility.h"
#include "outcome.h"
#include "rule_tables.h"
#include "visit_record.h"

namespace madoguchi {

enum class ReceptionState {
    AwaitingPresentation,      // what did the patient bring?
    ReadingCard,               // direct reader: the card is being read
    ChoosingIdentityMethod,    // face / PIN / 目視, as the mode and the PIN counter allow
    AwaitingFace,
    AwaitingPin,               // PIN pad with the tries left shown
    AwaitingVisualCheck,       // staff compare the card photo with the person
    QueryingEligibility,       // online 照会 outstanding
    ResolvingMultipleMatches,  // validity 5: staff choose, never automatic
    EligibilityConfirmed,      // blue
    ChoosingFallback,          // green: portal screen / お知らせ / neither
    EnteringDocument,          // numbers from the portal, お知らせ, 資格確認書 or legacy card
    AskingVisitKind,           // 再診 or 初診
    ConfirmingPastRecord,      // 再診: last recorded eligibility, confirmed orally
    AwaitingSelfDeclaration,   // 初診: 申立書 printed, the patient fills it in
    ConfirmingCopay,
    Completed,
    Cancelled,
};
std::string_view receptionStateName(ReceptionState state);

enum class PresentedDocument { PortalScreen, Notice, QualificationCertificate, LegacyInsuranceCard };
enum class GatewayFailure { Timeout, Pending, SystemError, NetworkDown, ReaderBroken };

// Details read off a document by staff (or prefilled from a past record), or written by the
// patient on the 被保険者資格申立書.
struct DocumentDetails {
    InsuranceIdentity insurance;
    PatientDetails patient;
    std::optional<CopayShare> printedShare;  // 資格確認書 / お知らせ print the share
    std::optional<Date> validUntil;          // printed expiry, if any
    // The 申立書 adds these; the 摘要欄 of a 不詳請求 needs them.
    DeclaredInsuranceType insuranceType = DeclaredInsuranceType::Unknown;
    std::string insurerName = {};
};

// What the document entry form is for: the session and the panel check it with the same rules.
enum class DocumentPurpose { Document, SelfDeclaration };
// Field ids: "name", "birth_date", "address", "insurer_number", "number", "branch", "valid_until".
// Empty when the details can be used; otherwise field id → English msgid.
std::map<std::string, std::string> validateDocument(const DocumentDetails& details, DocumentPurpose purpose,
                                                    const Date& today);

// Insurer kind and name known from the insurer number alone (協会けんぽ and 後期 by 都道府県).
struct InsurerHint {
    std::optional<DeclaredInsuranceType> insuranceType;
    std::string insurerName;  // empty when the number does not tell it
};
InsurerHint insurerHintFor(std::string_view insurerNumber);

// The last eligibility the journal holds for a returning patient.
struct PastEligibility {
    InsuranceIdentity insurance;
    PatientDetails patient;
    std::optional<CopayShare> share;
    std::string insurerName = {};
    LocalDateTime recordedAt{*Date::fromYmd(2000, 1, 1)};
    std::optional<Date> validUntil;
};

namespace event {
struct MyNumberCardPresented {};
struct DocumentPresented { PresentedDocument document; bool withMyNumberCard = false; };
struct CardRead { std::optional<Date> certificateNotAfter; int pinTriesLeft = 3; };
struct CardReadFailed { std::string reason; };
struct IdentityMethodChosen { IdentityMethod method; };
struct FaceChecked { bool matched = false; };
struct PinChecked { bool accepted = false; int triesLeft = 0; };  // from the card; never the PIN
struct VisualCheckConfirmed { std::string staffId; };
struct EligibilityAnswered { EligibilityResult result; std::string rawXml; };
struct EligibilityUnavailable { GatewayFailure failure; std::string detail; std::string pendingRequestId; };
// The certified reader did card + identity + 照会 and dropped a face/ file.
struct CertifiedReaderResult { EligibilityResult result; IdentityMethod method; std::string rawXml; };
struct MatchChosen { std::size_t index = 0; };
struct FallbackChosen { std::optional<PresentedDocument> document; bool withMyNumberCard = false; };
struct DocumentEntered { DocumentDetails details; };
struct VisitKindChosen { VisitKind kind; std::optional<PastEligibility> lastRecorded; };
struct PastRecordConfirmed { bool confirmedOrally = false; bool stillValid = false; };
// The declared share decides only what age cannot (70-74, 後期); empty: the patient did not know.
struct SelfDeclarationCompleted { DocumentDetails declared; std::optional<CopayShare> declaredShare; };
// staffShare overrides a decided share only with a reason (recorded in the trail and the journal).
struct CopayConfirmed {
    std::optional<std::int64_t> points;
    std::optional<CopayShare> staffShare;
    std::string correctionReason = {};
};
struct FullChargeChosen { std::string reason; };
struct ReceptionCancelled { std::string reason; };
}  // namespace event

using ReceptionEvent = std::variant<
    event::MyNumberCardPresented, event::DocumentPresented, event::CardRead, event::CardReadFailed,
    event::IdentityMethodChosen, event::FaceChecked, event::PinChecked, event::VisualCheckConfirmed,
    event::EligibilityAnswered, event::EligibilityUnavailable, event::CertifiedReaderResult,
    event::MatchChosen, event::FallbackChosen, event::DocumentEntered, event::VisitKindChosen,
    event::PastRecordConfirmed, event::SelfDeclarationCompleted, event::CopayConfirmed,
    event::FullChargeChosen, event::ReceptionCancelled>;
std::string_view receptionEventName(const ReceptionEvent& event);

// What a choice offered at the window stands for. choiceName() gives its stable name
// ("identity.pin", "fallback.notice", ...) for button names, logs and tests.
enum class ChoiceId {
    PresentCard, PresentCertificate, PresentLegacyCard, PresentNoProof,
    CardUnreadable,
    IdentityFace, IdentityPin, IdentityVisual, VisualConfirmed, EnterPin,
    FaceMatched, FaceNotMatched,  // the face check's verdict given by hand (only the demo offers it)
    StopWaiting, ChooseMatch,
    ConfirmCopay, FullCharge,
    FallbackPortal, FallbackNotice, FallbackCertificate, FallbackNone,
    EnterDocument, ReturnVisit, FirstVisit, ConfirmPastRecord,
    PrintDeclaration, DeclarationCompleted,
    Cancel,
};
std::string_view choiceName(ChoiceId id);
std::optional<ChoiceId> choiceNamed(std::string_view name);

// A choice the window offers in the current state; the GUI renders it, the domain decides it.
struct ReceptionChoice {
    ChoiceId id;
    std::string label;     // English msgid
    char shortcut = 0;     // keyboard key shown on the button
    bool primary = false;  // the expected next step
};

struct ReceptionContext {
    FacilitySettings facility;
    DatedSettings datedSettings;
    std::string staffId;
    std::string visitId;
    std::string patientId;
    std::string window = {};  // the window-name setting: part of every visit id, so a site's windows never share one
    // Whether whoever drives the session checks a face itself after a card read (a camera face
    // check, or the demo's simulated one). When not, face authentication happens only on the
    // certified face reader (its face/ result), and a card read here offers the PIN or 目視.
    bool faceCheckHere = true;
};

// A visit's id: "V<yyyymmddhhmmss>-<window>-<nnn>" (without a window: "V<time>-<nnn>"). The
// window part is the window name's ASCII letters and digits, or, for a name with none (受付1),
// "w" and four hex digits of its hash: windows with different names do not make the same id.
std::string visitIdAt(const std::string& window, const LocalDateTime& at, int counter);

enum class Tone { Neutral, Confirmed, Fallback, Warning };  // blue / green per the MHLW flow

class ReceptionSession {
public:
    ReceptionSession(ReceptionContext context, LocalDateTime startedAt);

    ReceptionState state() const { return state_; }
    // Applies the event, or refuses it with a reason and leaves the session unchanged.
    Outcome<ReceptionState> apply(const ReceptionEvent& event, const LocalDateTime& at);
    // Whether the event is allowed in the current state at all (before its own checks).
    bool accepts(const ReceptionEvent& event) const;
    // Whether a card read here is offered face authentication (the facility's mode allows it and
    // faceCheckHere): otherwise the face check is the certified reader's alone.
    bool faceCheckOffered() const;
    std::vector<ReceptionChoice> choices() const;
    Tone tone() const;

    int pinTriesLeft() const { return pinTriesLeft_; }
    std::optional<CertificateStanding> certificateStanding() const { return certificateStanding_; }
    const std::optional<EligibilityResult>& onlineResult() const { return record_.onlineResult; }
    const std::optional<ShareDecision>& shareDecision() const { return shareDecision_; }
    const std::vector<std::string>& warnings() const { return record_.warnings; }
    // The 被保険者資格申立書 as far as it can be prefilled now (this visit's answer, the last record,
    // the insurer-number tables).
    DocumentDetails selfDeclarationPrefill() const;
    // The record built so far; final once the state is Completed or Cancelled.
    const VisitRecord& record() const { return record_; }
    bool finished() const { return state_ == ReceptionState::Completed || state_ == ReceptionState::Cancelled; }

private:
    using Next = Outcome<ReceptionState>;
    Next dispatch(const ReceptionEvent& event, const LocalDateTime& at);
    Next on(const event::MyNumberCardPresented&, const LocalDateTime&);
    Next on(const event::DocumentPresented&, const LocalDateTime&);
    Next on(const event::CardRead&, const LocalDateTime&);
    Next on(const event::CardReadFailed&, const LocalDateTime&);
    Next on(const event::IdentityMethodChosen&, const LocalDateTime&);
    Next on(const event::FaceChecked&, const LocalDateTime&);
    Next on(const event::PinChecked&, const LocalDateTime&);
    Next on(const event::VisualCheckConfirmed&, const LocalDateTime&);
    Next on(const event::EligibilityAnswered&, const LocalDateTime&);
    Next on(const event::EligibilityUnavailable&, const LocalDateTime&);
    Next on(const event::CertifiedReaderResult&, const LocalDateTime&);
    Next on(const event::MatchChosen&, const LocalDateTime&);
    Next on(const event::FallbackChosen&, const LocalDateTime&);
    Next on(const event::DocumentEntered&, const LocalDateTime&);
    Next on(const event::VisitKindChosen&, const LocalDateTime&);
    Next on(const event::PastRecordConfirmed&, const LocalDateTime&);
    Next on(const event::SelfDeclarationCompleted&, const LocalDateTime&);
    Next on(const event::CopayConfirmed&, const LocalDateTime&);
    Next on(const event::FullChargeChosen&, const LocalDateTime&);
    Next on(const event::ReceptionCancelled&, const LocalDateTime&);

    Next takeResult(const EligibilityResult& result, const std::string& rawXml, const LocalDateTime& at);
    Next takeQualification(const QualificationRecord& qualification, const LocalDateTime& at);
    Next startFallback(std::string warning);
    Next documentSourceFor(PresentedDocument document, bool withMyNumberCard, const LocalDateTime& at);
    Next chooseStaffShare(const event::CopayConfirmed& e, const std::optional<CopayShare>& decided);
    void decideShareFor(const std::optional<Date>& birth, const ShareEvidence& evidence, const LocalDateTime& at);
    void warn(std::string message);
    void note(std::string text);  // goes on this event's trail step

    ReceptionContext context_;
    ReceptionState state_ = ReceptionState::AwaitingPresentation;
    VisitRecord record_;
    int pinTriesLeft_ = 3;
    std::optional<CertificateStanding> certificateStanding_;
    std::optional<ShareDecision> shareDecision_;
    std::optional<PastEligibility> lastRecorded_;
    std::optional<PresentedDocument> documentExpected_;  // what EnteringDocument is reading
    bool fallbackTaken_ = false;
    bool fullCharge_ = false;
    std::string stepNote_;  // the note of the event being applied
    Date today_;
};

}  // namespace madoguchi
