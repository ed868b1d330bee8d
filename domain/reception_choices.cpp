// ReceptionSession: what the window offers in each state, its colour, and the names of states
// and events (for the trail, logs and the CLI).
#include <array>

#include "reception_session.h"

namespace madoguchi {
namespace {

using S = ReceptionState;

ReceptionChoice choice(ChoiceId id, const char* label, char shortcut, bool primary = false) {
    return ReceptionChoice{id, label, shortcut, primary};
}

constexpr std::array<std::string_view, 17> kStateNames{
    "awaiting_presentation", "reading_card", "choosing_identity_method", "awaiting_face", "awaiting_pin",
    "awaiting_visual_check", "querying_eligibility", "resolving_multiple_matches", "eligibility_confirmed",
    "choosing_fallback", "entering_document", "asking_visit_kind", "confirming_past_record",
    "awaiting_self_declaration", "confirming_copay", "completed", "cancelled"};

constexpr std::array<std::string_view, std::variant_size_v<ReceptionEvent>> kEventNames{
    "my_number_card_presented", "document_presented", "card_read", "card_read_failed", "identity_method_chosen",
    "face_checked", "pin_checked", "visual_check_confirmed", "eligibility_answered", "eligibility_unavailable",
    "certified_reader_result", "match_chosen", "fallback_chosen", "document_entered", "visit_kind_chosen",
    "past_record_confirmed", "self_declaration_completed", "copay_confirmed", "full_charge_chosen",
    "reception_cancelled"};

// In the order of ChoiceId.
constexpr std::array<std::string_view, static_cast<std::size_t>(ChoiceId::Cancel) + 1> kChoiceNames{
    "present.card", "present.certificate", "present.legacy", "present.no_proof", "card.failed", "identity.face", "identity.pin",
    "identity.visual", "visual.confirm", "pin.enter", "demo.face_matched", "demo.face_failed",
    "query.stop_waiting", "match.choose", "copay.confirm", "copay.full_charge", "fallback.portal",
    "fallback.notice", "fallback.certificate", "fallback.none", "document.enter", "visit.return", "visit.first",
    "past.confirm", "declaration.print", "declaration.completed", "reception.cancel"};

}  // namespace

std::string_view choiceName(ChoiceId id) { return kChoiceNames.at(static_cast<std::size_t>(id)); }

std::optional<ChoiceId> choiceNamed(std::string_view name) {
    for (std::size_t i = 0; i < kChoiceNames.size(); ++i)
        if (kChoiceNames[i] == name) return static_cast<ChoiceId>(i);
    return std::nullopt;
}

std::string_view receptionStateName(ReceptionState state) { return kStateNames.at(static_cast<std::size_t>(state)); }
std::string_view receptionEventName(const ReceptionEvent& event) { return kEventNames.at(event.index()); }

bool ReceptionSession::faceCheckOffered() const {
    return modeAllowsFaceAuthentication(context_.facility.mode) && context_.faceCheckHere;
}

std::vector<ReceptionChoice> ReceptionSession::choices() const {
    std::vector<ReceptionChoice> offered;
    switch (state_) {
        case S::AwaitingPresentation:
            offered = {choice(ChoiceId::PresentCard, N_("My Number card (マイナ保険証)"), '1', true),
                       choice(ChoiceId::PresentCertificate, N_("資格確認書"), '2')};
            if (context_.datedSettings.legacyCardUsable(std::nullopt, today_))
                offered.push_back(choice(ChoiceId::PresentLegacyCard, N_("Health insurance card (before its cut-off)"), '3'));
            offered.push_back(choice(ChoiceId::PresentNoProof, N_("Nothing to show: the patient pays 100% (reason required)"), '9'));
            break;
        case S::ReadingCard: offered = {choice(ChoiceId::CardUnreadable, N_("The card cannot be read"), '1')}; break;
        case S::ChoosingIdentityMethod:
        case S::AwaitingFace:
        case S::AwaitingVisualCheck:
            if (faceCheckOffered() && state_ != S::AwaitingFace)
                offered.push_back(choice(ChoiceId::IdentityFace, N_("Face authentication"), '1', state_ == S::ChoosingIdentityMethod));
            if (pinTriesLeft_ > 0) offered.push_back(choice(ChoiceId::IdentityPin, N_("Enter the PIN"), '2', !faceCheckOffered()));
            if (state_ == S::AwaitingVisualCheck)
                offered.push_back(choice(ChoiceId::VisualConfirmed, N_("Staff confirmed the photo matches"), '3', true));
            else
                offered.push_back(choice(ChoiceId::IdentityVisual, N_("Visual confirmation by staff (目視)"), '3', pinTriesLeft_ == 0));
            break;
        case S::AwaitingPin:
            offered = {choice(ChoiceId::EnterPin, N_("Enter the PIN"), '1', true),
                       choice(ChoiceId::IdentityVisual, N_("Visual confirmation by staff (目視)"), '3')};
            break;
        case S::QueryingEligibility:
            offered = {choice(ChoiceId::StopWaiting, N_("Stop waiting: continue with the fallback"), '9')};
            break;
        case S::ResolvingMultipleMatches:
            offered = {choice(ChoiceId::ChooseMatch, N_("Choose the matching qualification"), '1', true)};
            break;
        case S::EligibilityConfirmed:
        case S::ConfirmingCopay:
            offered = {choice(ChoiceId::ConfirmCopay, N_("Confirm the copay"), '1', true),
                       choice(ChoiceId::FullCharge, N_("Charge 100% (reason required)"), '8')};
            break;
        case S::ChoosingFallback:
            if (certificateStanding_ == CertificateStanding::ExpiredBeyondGrace) {
                // The insurer has issued a 資格確認書 by now (seed p.7): ask for it first.
                offered = {choice(ChoiceId::FallbackCertificate, N_("資格確認書 (sent by the insurer after the certificate expired)"), '3', true),
                           choice(ChoiceId::FallbackPortal, N_("マイナポータル screen + card"), '1'),
                           choice(ChoiceId::FallbackNotice, N_("資格情報のお知らせ + card"), '2'),
                           choice(ChoiceId::FallbackNone, N_("Neither"), '4')};
                break;
            }
            offered = {choice(ChoiceId::FallbackPortal, N_("マイナポータル screen + card"), '1', true),
                       choice(ChoiceId::FallbackNotice, N_("資格情報のお知らせ + card"), '2'),
                       choice(ChoiceId::FallbackCertificate, N_("資格確認書"), '3'),
                       choice(ChoiceId::FallbackNone, N_("Neither"), '4')};
            break;
        case S::EnteringDocument: offered = {choice(ChoiceId::EnterDocument, N_("Enter the document's details"), '1', true)}; break;
        case S::AskingVisitKind:
            offered = {choice(ChoiceId::ReturnVisit, N_("Return visit: use the last recorded eligibility"), '1', true),
                       choice(ChoiceId::FirstVisit, N_("First visit: print the 被保険者資格申立書"), '2')};
            break;
        case S::ConfirmingPastRecord:
            offered = {choice(ChoiceId::ConfirmPastRecord, N_("The patient confirms the recorded insurance"), '1', true)};
            break;
        case S::AwaitingSelfDeclaration:
            offered = {choice(ChoiceId::PrintDeclaration, N_("Print the 申立書"), '1'),
                       choice(ChoiceId::DeclarationCompleted, N_("The patient has filled it in"), '2', true)};
            break;
        case S::Completed:
        case S::Cancelled: return offered;
    }
    offered.push_back(choice(ChoiceId::Cancel, N_("Cancel"), '0'));
    return offered;
}

Tone ReceptionSession::tone() const {
    if (state_ == S::ResolvingMultipleMatches) return Tone::Warning;
    if (fallbackTaken_ || fullCharge_) return Tone::Fallback;
    if (state_ == S::EligibilityConfirmed ||
        ((state_ == S::ConfirmingCopay || state_ == S::Completed) && record_.onlineResult))
        return Tone::Confirmed;
    return Tone::Neutral;
}

}  // namespace madoguchi
