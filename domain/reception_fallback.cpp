// ReceptionSession: the fallback branch (documents, 再診, 初診), the copay and the end.
#include "insurer_number.h"
#include "reception_session.h"

namespace madoguchi {
namespace {

using S = ReceptionState;

Problem refuse(std::string code, std::string message) { return Problem{"reception." + std::move(code), std::move(message)}; }

// A document's numbers must be usable on a claim: valid insurer number, a card number.
std::optional<Problem> checkDocumentNumbers(const InsuranceIdentity& insurance) {
    auto insurer = InsurerNumber::parse(insurance.insurerNumber);
    if (!insurer) return insurer.problem();
    auto card = InsuredCardNumbers::parse(insurance.card.symbol, insurance.card.number, insurance.card.branch);
    if (!card) return card.problem();
    return std::nullopt;
}

InsuranceIdentity normalised(const InsuranceIdentity& insurance) {
    InsuranceIdentity out;
    out.insurerNumber = InsurerNumber::parse(insurance.insurerNumber).value().digits();
    out.card = InsuredCardNumbers::parse(insurance.card.symbol, insurance.card.number, insurance.card.branch).value();
    return out;
}

ShareEvidence evidenceFromShare(const std::optional<CopayShare>& share, const Date& birth, const Date& on) {
    ShareEvidence evidence;
    if (!share) return evidence;
    std::string ratio = "0" + std::to_string(share->tenths()) + "0";
    AgeBand band = ageBandOn(birth, on);
    if (band == AgeBand::ElderlyRecipient) evidence.elderlyRecipientRatio = ratio;
    if (band == AgeBand::LateElderly) evidence.lateElderlyRatio = ratio;
    return evidence;
}

}  // namespace

ReceptionSession::Next ReceptionSession::on(const event::FallbackChosen& e, const LocalDateTime& at) {
    if (!e.document) return S::AskingVisitKind;
    return documentSourceFor(*e.document, e.withMyNumberCard, at);
}

ReceptionSession::Next ReceptionSession::on(const event::DocumentEntered& e, const LocalDateTime& at) {
    const DocumentDetails& details = e.details;
    if (auto problem = checkDocumentNumbers(details.insurance)) return *problem;
    if (!details.patient.birthDate) return refuse("birth_required", N_("Enter the patient's birth date."));
    if (details.validUntil && *details.validUntil < at.date)
        return refuse("document_expired", N_("The document has expired: ask for a valid one."));
    if (documentExpected_ == PresentedDocument::LegacyInsuranceCard &&
        !context_.datedSettings.legacyCardUsable(details.validUntil, at.date))
        return refuse("legacy_card_ended", N_("Legacy health insurance cards can no longer be used: ask for the "
                                              "資格確認書 or the My Number card."));
    record_.insurance = normalised(details.insurance);
    record_.patient = details.patient;
    record_.claimRoute = ClaimRoute::Current;
    decideShareFor(details.patient.birthDate,
                   evidenceFromShare(details.printedShare, *details.patient.birthDate, at.date), at);
    return S::ConfirmingCopay;
}

ReceptionSession::Next ReceptionSession::on(const event::VisitKindChosen& e, const LocalDateTime&) {
    record_.visitKind = e.kind;
    if (e.kind == VisitKind::ReturnVisit) {
        if (!e.lastRecorded)
            return refuse("no_past_record", N_("No past eligibility is on record for this patient: treat the visit "
                                               "as a first visit with the 被保険者資格申立書."));
        lastRecorded_ = e.lastRecorded;
        return S::ConfirmingPastRecord;
    }
    if (e.kind == VisitKind::FirstVisit) return S::AwaitingSelfDeclaration;
    return refuse("visit_kind", N_("Choose a return visit or a first visit."));
}

ReceptionSession::Next ReceptionSession::on(const event::PastRecordConfirmed& e, const LocalDateTime& at) {
    if (!e.confirmedOrally)
        return refuse("not_confirmed", N_("Ask the patient to confirm orally that the recorded insurance is unchanged."));
    record_.source = EligibilitySource::PastRecord;
    record_.insurance = lastRecorded_->insurance;
    record_.patient = lastRecorded_->patient;
    record_.claimRoute = e.stillValid ? ClaimRoute::Current : ClaimRoute::Old;
    const auto& birth = lastRecorded_->patient.birthDate;
    decideShareFor(birth, birth ? evidenceFromShare(lastRecorded_->share, *birth, at.date) : ShareEvidence{}, at);
    return S::ConfirmingCopay;
}

ReceptionSession::Next ReceptionSession::on(const event::SelfDeclarationCompleted& e, const LocalDateTime& at) {
    if (e.declaredShare.isFullCharge())
        return refuse("declared_full", N_("The 申立書 declares the normal share (10%, 20% or 30%), never 100%."));
    if (!e.declared.patient.birthDate) return refuse("birth_required", N_("Enter the patient's birth date."));
    if (e.declared.patient.name.empty() || e.declared.patient.address.empty())
        return refuse("declaration_incomplete", N_("The 申立書 needs at least the name and the address."));
    record_.source = EligibilitySource::SelfDeclaration;
    record_.patient = e.declared.patient;
    record_.claimRoute = ClaimRoute::Unknown;  // re-tagged when a later check finds the eligibility
    std::string sevens = context_.facility.unknownClaimInsurerFiller();
    record_.insurance = InsuranceIdentity{sevens, InsuredCardNumbers{"", "77777777", ""}};
    decideShareFor(e.declared.patient.birthDate,
                   evidenceFromShare(e.declaredShare, *e.declared.patient.birthDate, at.date), at);
    if (shareDecision_ && shareDecision_->share != e.declaredShare)
        warn(N_("The declared share differs from the age rule: check it with the patient."));
    shareDecision_->share = e.declaredShare;
    shareDecision_->basis = N_("Declared on the 被保険者資格申立書");
    return S::ConfirmingCopay;
}

// ---- the copay and the end -------------------------------------------------------------------

ReceptionSession::Next ReceptionSession::on(const event::CopayConfirmed& e, const LocalDateTime&) {
    if (e.points && *e.points < 0) return refuse("points", N_("Points cannot be negative."));
    const std::optional<CopayShare> none;
    const std::optional<CopayShare>& decided = shareDecision_ ? shareDecision_->share : none;
    if (fullCharge_) {
        record_.share = CopayShare::full();
    } else if (e.staffShare) {
        if (e.staffShare->isFullCharge())
            return refuse("full_needs_reason", N_("A 100% charge needs a recorded reason: use the full-charge step."));
        if (decided && *decided != *e.staffShare) warn(N_("Staff set a share different from the result or the age rule."));
        record_.share = *e.staffShare;
        record_.shareBasis = N_("Set by staff");
    } else if (decided) {
        record_.share = *decided;
        record_.shareBasis = shareDecision_->basis;
    } else {
        return refuse("share_needed", N_("The share cannot be decided here: enter the share (10%, 20% or 30%)."));
    }
    record_.points = e.points;
    if (e.points) record_.copay = copayAmount(*e.points, record_.share);
    return S::Completed;
}

ReceptionSession::Next ReceptionSession::on(const event::FullChargeChosen& e, const LocalDateTime&) {
    if (e.reason.empty()) return refuse("full_needs_reason", N_("A 100% charge needs a recorded reason."));
    fullCharge_ = true;
    record_.fullChargeReason = e.reason;
    record_.shareBasis = N_("100% charge, by staff decision");
    if (state_ != S::EligibilityConfirmed && state_ != S::ConfirmingCopay) {
        record_.claimRoute = ClaimRoute::Unknown;
        fallbackTaken_ = true;
    }
    warn(N_("The patient pays 100%: the reason is recorded."));
    return S::ConfirmingCopay;
}

ReceptionSession::Next ReceptionSession::on(const event::ReceptionCancelled& e, const LocalDateTime&) {
    if (e.reason.empty()) return refuse("cancel_reason", N_("Say why the reception is cancelled."));
    record_.cancelled = true;
    record_.cancelReason = e.reason;
    return S::Cancelled;
}

}  // namespace madoguchi
