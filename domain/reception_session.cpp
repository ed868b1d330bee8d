#include "reception_session.h"

#include <array>
#include <cstdint>
#include <initializer_list>

#include "insurer_number.h"

namespace madoguchi {
namespace {

using S = ReceptionState;

// Which states accept each event, in the order of ReceptionEvent's alternatives. Everything not
// listed is refused with a reason before any handler runs.
const std::array<std::initializer_list<S>, std::variant_size_v<ReceptionEvent>> kAcceptedIn{{
    /* MyNumberCardPresented */ {S::AwaitingPresentation},
    /* DocumentPresented */ {S::AwaitingPresentation},
    /* CardRead */ {S::ReadingCard},
    /* CardReadFailed */ {S::ReadingCard, S::ChoosingIdentityMethod, S::AwaitingFace, S::AwaitingPin, S::AwaitingVisualCheck},
    /* IdentityMethodChosen */ {S::ChoosingIdentityMethod, S::AwaitingFace, S::AwaitingPin, S::AwaitingVisualCheck},
    /* FaceChecked */ {S::AwaitingFace},
    /* PinChecked */ {S::AwaitingPin},
    /* VisualCheckConfirmed */ {S::AwaitingVisualCheck},
    /* EligibilityAnswered */ {S::QueryingEligibility},
    /* EligibilityUnavailable */ {S::QueryingEligibility},
    /* CertifiedReaderResult */ {S::AwaitingPresentation},
    /* MatchChosen */ {S::ResolvingMultipleMatches},
    /* FallbackChosen */ {S::ChoosingFallback},
    /* DocumentEntered */ {S::EnteringDocument},
    /* VisitKindChosen */ {S::AskingVisitKind},
    /* PastRecordConfirmed */ {S::ConfirmingPastRecord},
    /* SelfDeclarationCompleted */ {S::AwaitingSelfDeclaration},
    /* CopayConfirmed */ {S::EligibilityConfirmed, S::ConfirmingCopay},
    /* FullChargeChosen */ {S::AwaitingPresentation, S::EligibilityConfirmed, S::ConfirmingCopay, S::ChoosingFallback,
                            S::AskingVisitKind, S::AwaitingSelfDeclaration},
    /* ReceptionCancelled */ {S::AwaitingPresentation, S::ReadingCard, S::ChoosingIdentityMethod, S::AwaitingFace,
                              S::AwaitingPin, S::AwaitingVisualCheck, S::QueryingEligibility, S::ResolvingMultipleMatches,
                              S::EligibilityConfirmed, S::ChoosingFallback, S::EnteringDocument, S::AskingVisitKind,
                              S::ConfirmingPastRecord, S::AwaitingSelfDeclaration, S::ConfirmingCopay},
}};

Problem refuse(std::string code, std::string message) { return Problem{"reception." + std::move(code), std::move(message)}; }

EligibilitySource sourceForDocument(PresentedDocument document) {
    switch (document) {
        case PresentedDocument::PortalScreen: return EligibilitySource::PortalScreenWithCard;
        case PresentedDocument::Notice: return EligibilitySource::NoticeWithCard;
        case PresentedDocument::QualificationCertificate: return EligibilitySource::QualificationCertificate;
        case PresentedDocument::LegacyInsuranceCard: return EligibilitySource::LegacyInsuranceCard;
    }
    return EligibilitySource::QualificationCertificate;
}

ShareEvidence evidenceFrom(const QualificationRecord& qualification) {
    ShareEvidence evidence;
    if (qualification.elderlyRecipient && !qualification.elderlyRecipient->contributionRatio.empty())
        evidence.elderlyRecipientRatio = qualification.elderlyRecipient->contributionRatio;
    if (!qualification.insuredPartialContributionRatio.empty())
        evidence.lateElderlyRatio = qualification.insuredPartialContributionRatio;
    evidence.preschoolFlag = qualification.preschoolClassification.raw == "1";
    evidence.lateElderlyInsured = qualification.insurerNumber.starts_with("39");
    return evidence;
}

PatientDetails patientFrom(const QualificationRecord& q) {
    PatientDetails patient;
    patient.name = q.name.empty() ? q.insuredName : q.name;
    patient.nameKana = q.nameKana;
    patient.birthDate = q.birthDate();
    patient.sex = q.sex1.raw;
    patient.address = q.address;
    patient.postNumber = q.postNumber;
    return patient;
}

std::string validityWarning(const EligibilityResult& result) {
    switch (result.validity().value_or(QualificationValidity::NoSuchQualification)) {
        case QualificationValidity::Invalid:
            return N_("Eligibility is invalid (資格無効): ask for the マイナポータル screen or the 資格情報のお知らせ with the card.");
        case QualificationValidity::InvalidNewerExists:
            return N_("A newer qualification exists: ask for the new document and do not register the old one.");
        case QualificationValidity::ValidUnregistered:
            return N_("The answer is for 医療扶助 (public assistance, code 6), not health insurance: ask for the "
                      "health insurance document, or the 医療券 from the welfare office.");
        case QualificationValidity::NoSuchQualification:
            return N_("No eligibility data (資格情報なし), typical for a few weeks after a change of insurer.");
        default: return N_("The online result could not be used.");
    }
}

}  // namespace

std::string visitIdAt(const std::string& window, const LocalDateTime& at, int counter) {
    std::string tag;
    bool onlyAscii = true;
    for (char c : window) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) tag += c;
        else if (static_cast<unsigned char>(c) >= 0x80) onlyAscii = false;
    }
    if (!window.empty() && (!onlyAscii || tag.empty())) {  // 受付1 and 受付2 must differ: hash the whole name
        std::uint32_t hash = 2166136261u;  // FNV-1a
        for (unsigned char c : window) hash = (hash ^ c) * 16777619u;
        static const char* digits = "0123456789abcdef";
        tag += "w";
        for (int shift = 12; shift >= 0; shift -= 4) tag += digits[(hash >> shift) & 0xf];
    }
    std::string number = std::to_string(counter % 1000);
    number.insert(0, 3 - number.size(), '0');
    return "V" + at.compact() + "-" + (tag.empty() ? "" : tag + "-") + number;
}

ReceptionSession::ReceptionSession(ReceptionContext context, LocalDateTime startedAt)
    : context_(std::move(context)), today_(startedAt.date) {
    record_.visitId = context_.visitId;
    record_.patientId = context_.patientId;
    record_.staffId = context_.staffId;
    record_.startedAt = startedAt;
    record_.completedAt = startedAt;
}

bool ReceptionSession::accepts(const ReceptionEvent& event) const {
    for (S allowed : kAcceptedIn[event.index()])
        if (allowed == state_) return true;
    return false;
}

Outcome<ReceptionState> ReceptionSession::apply(const ReceptionEvent& event, const LocalDateTime& at) {
    if (!accepts(event))
        return refuse("not_now", std::string(N_("This step is not possible now.")) + " (" +
                                     std::string(receptionEventName(event)) + " / " +
                                     std::string(receptionStateName(state_)) + ")");
    ReceptionSession before = *this;
    today_ = at.date;
    stepNote_.clear();
    Next next = dispatch(event, at);
    if (!next) {
        *this = std::move(before);  // a refused event leaves the session unchanged
        return next;
    }
    record_.trail.push_back(TrailStep{at, std::string(receptionStateName(before.state_)),
                                      std::string(receptionEventName(event)),
                                      std::string(receptionStateName(next.value())), stepNote_});
    state_ = next.value();
    if (finished()) record_.completedAt = at;
    return next;
}

ReceptionSession::Next ReceptionSession::dispatch(const ReceptionEvent& event, const LocalDateTime& at) {
    return std::visit([&](const auto& e) { return on(e, at); }, event);
}

void ReceptionSession::warn(std::string message) {
    if (message.empty()) return;
    for (const auto& existing : record_.warnings)
        if (existing == message) return;
    record_.warnings.push_back(std::move(message));
}

void ReceptionSession::note(std::string text) {
    if (!stepNote_.empty()) stepNote_ += " / ";
    stepNote_ += text;
}

ReceptionSession::Next ReceptionSession::startFallback(std::string warning) {
    fallbackTaken_ = true;
    warn(std::move(warning));
    return S::ChoosingFallback;
}

// ---- presentation and the card -------------------------------------------------------------

ReceptionSession::Next ReceptionSession::on(const event::MyNumberCardPresented&, const LocalDateTime&) {
    record_.source = EligibilitySource::OnlineCard;
    return S::ReadingCard;
}

ReceptionSession::Next ReceptionSession::on(const event::DocumentPresented& e, const LocalDateTime& at) {
    return documentSourceFor(e.document, e.withMyNumberCard, at);
}

ReceptionSession::Next ReceptionSession::documentSourceFor(PresentedDocument document, bool withMyNumberCard,
                                                           const LocalDateTime& at) {
    bool needsCard = document == PresentedDocument::PortalScreen || document == PresentedDocument::Notice;
    if (needsCard && !withMyNumberCard)
        return refuse("needs_card", document == PresentedDocument::Notice
                                        ? N_("The 資格情報のお知らせ is not accepted alone: the My Number card must be shown with it.")
                                        : N_("The マイナポータル screen is accepted only together with the My Number card."));
    if (document == PresentedDocument::LegacyInsuranceCard &&
        !context_.datedSettings.legacyCardUsable(std::nullopt, at.date))
        return refuse("legacy_card_ended", N_("Legacy health insurance cards can no longer be used: ask for the "
                                              "資格確認書 or the My Number card."));
    documentExpected_ = document;
    record_.source = sourceForDocument(document);
    return S::EnteringDocument;
}

ReceptionSession::Next ReceptionSession::on(const event::CardRead& e, const LocalDateTime& at) {
    pinTriesLeft_ = e.pinTriesLeft;
    if (e.certificateNotAfter) {
        certificateStanding_ = certificateStandingOn(*e.certificateNotAfter, at.date);
        warn(certificateAdvice(*certificateStanding_));
        if (!certificateUsableForEligibility(*certificateStanding_)) return startFallback({});
    }
    if (pinTriesLeft_ == 0) warn(N_("The card's PIN is locked: use visual confirmation. Unlocking is done at the municipal office."));
    return S::ChoosingIdentityMethod;
}

ReceptionSession::Next ReceptionSession::on(const event::CardReadFailed& e, const LocalDateTime&) {
    return startFallback(std::string(N_("The card could not be read.")) + (e.reason.empty() ? "" : " " + e.reason));
}

// ---- identity --------------------------------------------------------------------------------

ReceptionSession::Next ReceptionSession::on(const event::IdentityMethodChosen& e, const LocalDateTime&) {
    switch (e.method) {
        case IdentityMethod::Face:
            if (!modeAllowsFaceAuthentication(context_.facility.mode))
                return refuse("face_not_in_mode", N_("Face authentication is not available in this facility's mode."));
            return S::AwaitingFace;
        case IdentityMethod::Pin:
            if (pinTriesLeft_ <= 0)
                return refuse("pin_locked", N_("The card's PIN is locked: use visual confirmation."));
            return S::AwaitingPin;
        case IdentityMethod::Visual: return S::AwaitingVisualCheck;
        case IdentityMethod::None: break;
    }
    return refuse("no_method", N_("Choose face, PIN or visual confirmation."));
}

ReceptionSession::Next ReceptionSession::on(const event::FaceChecked& e, const LocalDateTime&) {
    if (e.matched) {
        record_.identityMethod = IdentityMethod::Face;
        return S::QueryingEligibility;
    }
    warn(N_("Face authentication failed: continue with the PIN or visual confirmation."));
    return pinTriesLeft_ > 0 ? S::AwaitingPin : S::ChoosingIdentityMethod;
}

ReceptionSession::Next ReceptionSession::on(const event::PinChecked& e, const LocalDateTime&) {
    if (e.triesLeft < 0 || e.triesLeft > 3) return refuse("bad_tries", N_("The card reported an impossible PIN counter."));
    pinTriesLeft_ = e.triesLeft;
    if (e.accepted) {
        record_.identityMethod = IdentityMethod::Pin;
        return S::QueryingEligibility;
    }
    // Never retried automatically: staff choose the next attempt explicitly.
    warn(pinTriesLeft_ == 0
             ? N_("The card's PIN is locked: use visual confirmation. Unlocking is done at the municipal office.")
             : N_("Wrong PIN. The card locks after 3 wrong entries in a row."));
    return S::ChoosingIdentityMethod;
}

ReceptionSession::Next ReceptionSession::on(const event::VisualCheckConfirmed& e, const LocalDateTime&) {
    if (e.staffId.empty())
        return refuse("visual_needs_staff", N_("Visual confirmation must name the staff member who compared the photo."));
    record_.identityMethod = IdentityMethod::Visual;
    record_.identityConfirmedBy = e.staffId;
    return S::QueryingEligibility;
}

// ---- the online result -----------------------------------------------------------------------

ReceptionSession::Next ReceptionSession::on(const event::EligibilityAnswered& e, const LocalDateTime& at) {
    return takeResult(e.result, e.rawXml, at);
}

ReceptionSession::Next ReceptionSession::on(const event::CertifiedReaderResult& e, const LocalDateTime& at) {
    record_.identityMethod = e.method;
    record_.source = EligibilitySource::OnlineCard;
    return takeResult(e.result, e.rawXml, at);
}

ReceptionSession::Next ReceptionSession::on(const event::EligibilityUnavailable& e, const LocalDateTime&) {
    const bool queued = e.failure == GatewayFailure::Timeout || e.failure == GatewayFailure::Pending;
    record_.pendingRequestId = queued ? e.pendingRequestId : "";  // a failed request is never answered
    std::string why = queued
                          ? N_("The online check did not answer in time; it is queued and will be attached later.")
                          : N_("The online check is unavailable: continue with the fallback.");
    return startFallback(why + (e.detail.empty() ? "" : " " + e.detail));
}

ReceptionSession::Next ReceptionSession::takeResult(const EligibilityResult& result, const std::string& rawXml,
                                                    const LocalDateTime& at) {
    record_.onlineResult = result;
    record_.rawGatewayXml = rawXml;
    warn(result.processingResultMessage);
    if (result.isSystemError())
        return startFallback(std::string(N_("The online system reported an error.")) + " " + result.errorCode + " " +
                             result.errorMessage);
    auto validity = result.validity();
    if (validity == QualificationValidity::MultipleMatches && !result.results.empty()) return S::ResolvingMultipleMatches;
    // Code 6 (有効（未登録）) occurs only for 医療扶助: never a health-insurance 資格有効.
    if (validity == QualificationValidity::Valid && result.results.size() == 1)
        return takeQualification(result.results.front(), at);
    for (const auto& q : result.results) {
        if (q.reasonOfLoss.present())
            warn(std::string(N_("Reason of loss:")) + " " +
                 (q.reasonOfLoss.label.empty() ? q.reasonOfLoss.raw : q.reasonOfLoss.label));
        if (!q.disqualificationDate.empty()) {
            auto lost = Date::parseCompact(q.disqualificationDate);  // shown as 令和, like the rest of the window
            warn(std::string(N_("Disqualified on:")) + " " + (lost ? formatWareki(*lost) : q.disqualificationDate));
        }
    }
    return startFallback(validityWarning(result));
}

ReceptionSession::Next ReceptionSession::takeQualification(const QualificationRecord& q, const LocalDateTime& at) {
    record_.insurance.insurerNumber = q.insurerNumber;
    // The gateway sends full-width symbols and numbers as printed on the card: keep one form.
    record_.insurance.card = {normalizeCardText(q.insuredCardSymbol), normalizeCardText(q.insuredIdentificationNumber),
                              normalizeCardText(q.insuredBranchNumber)};
    record_.patient = patientFrom(q);
    record_.insurerName = q.insurerName;
    record_.claimRoute = ClaimRoute::Current;
    if (q.nameHasUnrepresentableCharacters)
        warn(N_("The name contains characters the system cannot show (●): confirm the name with the patient."));
    decideShareFor(q.birthDate(), evidenceFrom(q), at);
    return S::EligibilityConfirmed;
}

ReceptionSession::Next ReceptionSession::on(const event::MatchChosen& e, const LocalDateTime& at) {
    const auto& results = record_.onlineResult->results;
    if (e.index >= results.size()) return refuse("no_such_match", N_("There is no such candidate in the result."));
    warn(N_("Several qualifications matched: staff chose one."));
    return takeQualification(results[e.index], at);
}

void ReceptionSession::decideShareFor(const std::optional<Date>& birth, const ShareEvidence& evidence,
                                      const LocalDateTime& at) {
    if (!birth) {
        shareDecision_.reset();
        warn(N_("The birth date is unknown: staff must set the share."));
        return;
    }
    shareDecision_ = decideShare(*birth, at.date, evidence);
    for (const auto& warning : shareDecision_->warnings) warn(warning);
}

}  // namespace madoguchi
