// ReceptionSession: the fallback branch (documents, 再診, 初診), the copay and the end.
#include <array>

#include "insurer_number.h"
#include "reception_session.h"

namespace madoguchi {
namespace {

using S = ReceptionState;

Problem refuse(std::string code, std::string message) { return Problem{"reception." + std::move(code), std::move(message)}; }

std::vector<std::pair<std::string, Problem>> documentProblems(const DocumentDetails& details, DocumentPurpose purpose,
                                                              const Date& today);

InsuranceIdentity normalised(const InsuranceIdentity& insurance) {
    InsuranceIdentity out;
    out.insurerNumber = InsurerNumber::parse(insurance.insurerNumber).value().digits();
    out.card = InsuredCardNumbers::parse(insurance.card.symbol, insurance.card.number, insurance.card.branch).value();
    return out;
}

// The numbers as the patient wrote them, normalised where they parse.
InsuranceIdentity asDeclared(const InsuranceIdentity& insurance) {
    InsuranceIdentity out = insurance;
    if (auto insurer = InsurerNumber::parse(insurance.insurerNumber)) out.insurerNumber = insurer.value().digits();
    if (auto card = InsuredCardNumbers::parse(insurance.card.symbol, insurance.card.number, insurance.card.branch))
        out.card = card.value();
    return out;
}

bool lateElderlyInsurer(const std::string& insurerNumber) { return insurerNumber.starts_with("39"); }

const std::array<const char*, 47> kPrefectures{
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
    "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
    "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};

}  // namespace

// 8-digit insurer numbers: 法別番号 (2) + 都道府県番号 (2, JIS X 0401) + 保険者別番号 (3) + 検証番号.
InsurerHint insurerHintFor(std::string_view text) {
    auto parsed = InsurerNumber::parse(text);
    if (!parsed || parsed.value().digits().size() != 8) return {};
    const std::string& digits = parsed.value().digits();
    const int law = std::stoi(digits.substr(0, 2));
    const int prefecture = std::stoi(digits.substr(2, 2));
    const std::string where = prefecture >= 1 && prefecture <= 47 ? kPrefectures[prefecture - 1] : "";
    if (law == 1 && !where.empty()) {  // 協会けんぽ's branches drop 都/府/県: 東京支部, 北海道支部
        std::string branch = where == "北海道" ? where : where.substr(0, where.size() - std::string("県").size());
        return {DeclaredInsuranceType::EmployeeInsurance, "全国健康保険協会" + branch + "支部"};
    }
    if (law == 39 && !where.empty()) return {DeclaredInsuranceType::LateElderly, where + "後期高齢者医療広域連合"};
    if (law == 2 || law == 6 || law == 7 || (law >= 31 && law <= 34) || law == 63 || law == 72 || law == 73 || law == 74 ||
        law == 75)
        return {DeclaredInsuranceType::EmployeeInsurance, {}};
    return {};
}

std::map<std::string, std::string> validateDocument(const DocumentDetails& details, DocumentPurpose purpose,
                                                    const Date& today) {
    std::map<std::string, std::string> problems;
    for (const auto& [field, problem] : documentProblems(details, purpose, today)) problems.emplace(field, problem.message);
    return problems;
}

namespace {
// Every problem of the details, most important first (the session refuses with the first).
std::vector<std::pair<std::string, Problem>> documentProblems(const DocumentDetails& details, DocumentPurpose purpose,
                                                              const Date& today) {
    std::vector<std::pair<std::string, Problem>> problems;
    const bool declaration = purpose == DocumentPurpose::SelfDeclaration;
    const InsuranceIdentity& insurance = details.insurance;
    if (!declaration || !insurance.insurerNumber.empty()) {
        auto insurer = InsurerNumber::parse(insurance.insurerNumber);
        if (insurance.insurerNumber.empty())
            problems.emplace_back("insurer_number", refuse("insurer_required", N_("Enter the insurer number.")));
        else if (!insurer)
            problems.emplace_back("insurer_number", insurer.problem());
    }
    if (!declaration || !insurance.card.number.empty()) {
        auto card = InsuredCardNumbers::parse(insurance.card.symbol, insurance.card.number, insurance.card.branch);
        if (!card) {
            bool branch = card.problem().code.find("branch") != std::string::npos;
            problems.emplace_back(branch ? "branch" : "number", card.problem());
        }
    }
    if (details.validUntil && *details.validUntil < today)
        problems.emplace_back("valid_until", refuse("document_expired", N_("The document has expired: ask for a valid one.")));
    if (!details.patient.birthDate)
        problems.emplace_back("birth_date", refuse("birth_required", N_("Enter the patient's birth date.")));
    else if (*details.patient.birthDate > today)
        problems.emplace_back("birth_date", refuse("birth_in_future", N_("The birth date is in the future.")));
    if (details.patient.name.empty())
        problems.emplace_back("name", refuse(declaration ? "declaration_incomplete" : "name_required",
                                             declaration ? N_("The 申立書 needs at least the name and the address.")
                                                         : N_("Enter the patient's name.")));
    if (declaration && details.patient.address.empty())
        problems.emplace_back("address", refuse("declaration_incomplete", N_("The 申立書 needs at least the name and the address.")));
    return problems;
}
}  // namespace


ReceptionSession::Next ReceptionSession::on(const event::FallbackChosen& e, const LocalDateTime& at) {
    if (!e.document) return S::AskingVisitKind;
    return documentSourceFor(*e.document, e.withMyNumberCard, at);
}

ReceptionSession::Next ReceptionSession::on(const event::DocumentEntered& e, const LocalDateTime& at) {
    const DocumentDetails& details = e.details;
    auto problems = documentProblems(details, DocumentPurpose::Document, at.date);
    if (!problems.empty()) return problems.front().second;
    if (documentExpected_ == PresentedDocument::LegacyInsuranceCard &&
        !context_.datedSettings.legacyCardUsable(details.validUntil, at.date))
        return refuse("legacy_card_ended", N_("Legacy health insurance cards can no longer be used: ask for the "
                                              "資格確認書 or the My Number card."));
    record_.insurance = normalised(details.insurance);
    record_.insurerName = details.insurerName;
    record_.patient = details.patient;
    record_.claimRoute = ClaimRoute::Current;
    ShareEvidence evidence;
    evidence.printedShare = details.printedShare;
    evidence.lateElderlyInsured = lateElderlyInsurer(record_.insurance.insurerNumber);
    decideShareFor(details.patient.birthDate, evidence, at);
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

// The patient's word never makes a claim current (seed p.6: 「現在の資格情報が確認できればそれで。できない
// 場合には、過去の資格情報で」): the claim is OLD until a later check confirms the current eligibility,
// and "still valid" is kept as what the patient said.
ReceptionSession::Next ReceptionSession::on(const event::PastRecordConfirmed& e, const LocalDateTime& at) {
    if (!e.confirmedOrally)
        return refuse("not_confirmed", N_("Ask the patient to confirm orally that the recorded insurance is unchanged."));
    record_.source = EligibilitySource::PastRecord;
    record_.insurance = lastRecorded_->insurance;
    record_.insurerName = lastRecorded_->insurerName;
    record_.patient = lastRecorded_->patient;
    record_.claimRoute = ClaimRoute::Old;
    if (e.stillValid) {
        note(N_("The patient says the recorded insurance is still valid (not confirmed: claim on the past eligibility)."));
        if (record_.onlineResult && !record_.onlineResult->isSystemError())
            warn(N_("This visit's online answer did not confirm the insurance: the claim stays on the past eligibility "
                    "until a later check confirms it."));
    }
    const auto& birth = lastRecorded_->patient.birthDate;
    ShareEvidence evidence;
    evidence.lateElderlyInsured = lateElderlyInsurer(record_.insurance.insurerNumber);
    if (birth) {
        evidence.printedShare = pastShareStillReadable(lastRecorded_->share, *birth, lastRecorded_->recordedAt.date,
                                                       at.date, evidence.lateElderlyInsured);
        if (lastRecorded_->share && !evidence.printedShare)
            warn(N_("The patient has changed age band since the last visit: the recorded share is not used."));
    }
    decideShareFor(birth, evidence, at);
    return S::ConfirmingCopay;
}

ReceptionSession::Next ReceptionSession::on(const event::SelfDeclarationCompleted& e, const LocalDateTime& at) {
    if (e.declaredShare && e.declaredShare->isFullCharge())
        return refuse("declared_full", N_("The 申立書 declares the normal share (10%, 20% or 30%), never 100%."));
    auto problems = documentProblems(e.declared, DocumentPurpose::SelfDeclaration, at.date);
    if (!problems.empty()) return problems.front().second;
    record_.source = EligibilitySource::SelfDeclaration;
    record_.patient = e.declared.patient;
    record_.claimRoute = ClaimRoute::Unknown;  // re-tagged when a later check finds the eligibility
    const std::string sevens = context_.facility.unknownClaimInsurerFiller();
    record_.insurance = InsuranceIdentity{sevens, InsuredCardNumbers{"", std::string(kUnknownClaimFiller), ""}};
    ClaimRemarks remarks;
    remarks.nameKana = e.declared.patient.nameKana;
    remarks.insuranceType = e.declared.insuranceType;
    remarks.insurerName = e.declared.insurerName;
    remarks.employer = e.declared.patient.employer;
    remarks.address = e.declared.patient.address;
    remarks.phone = e.declared.patient.phone;
    remarks.declaredInsurance = asDeclared(e.declared.insurance);
    record_.claimRemarks = remarks;
    ShareEvidence evidence;
    evidence.declaredShare = e.declaredShare;
    evidence.lateElderlyInsured = e.declared.insuranceType == DeclaredInsuranceType::LateElderly ||
                                  lateElderlyInsurer(remarks.declaredInsurance.insurerNumber);
    decideShareFor(e.declared.patient.birthDate, evidence, at);
    return S::ConfirmingCopay;
}

// ---- the copay and the end -------------------------------------------------------------------

ReceptionSession::Next ReceptionSession::on(const event::CopayConfirmed& e, const LocalDateTime&) {
    if (e.points && *e.points < 0) return refuse("points", N_("Points cannot be negative."));
    const std::optional<CopayShare> decided = shareDecision_ ? shareDecision_->share : std::nullopt;
    if (fullCharge_) {
        record_.share = CopayShare::full();
    } else if (e.staffShare) {
        if (auto refused = chooseStaffShare(e, decided); !refused) return refused;
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

// Staff set the share: freely when the rules could not decide it, with a reason when they change
// a decided share (DOMAIN.md §8: e.g. 現役並み 3割 for a 70-74 person without a result).
ReceptionSession::Next ReceptionSession::chooseStaffShare(const event::CopayConfirmed& e,
                                                          const std::optional<CopayShare>& decided) {
    if (e.staffShare->isFullCharge())
        return refuse("full_needs_reason", N_("A 100% charge needs a recorded reason: use the full-charge step."));
    const bool changesDecided = decided && *decided != *e.staffShare;
    if (changesDecided && e.correctionReason.empty())
        return refuse("correction_needs_reason", N_("Changing the decided share needs a recorded reason."));
    record_.share = *e.staffShare;
    if (changesDecided) {
        record_.shareCorrection = ShareCorrection{decided, *e.staffShare, e.correctionReason};
        record_.shareBasis = N_("Corrected by staff");
        warn(N_("Staff changed the decided share: the reason is recorded."));
    } else {
        record_.shareBasis = decided ? shareDecision_->basis : N_("Set by staff");
    }
    note(std::to_string(e.staffShare->tenths()) + "割" +
         (e.correctionReason.empty() ? std::string() : ": " + e.correctionReason));
    return S::ConfirmingCopay;  // only "not refused" matters to the caller
}

ReceptionSession::Next ReceptionSession::on(const event::FullChargeChosen& e, const LocalDateTime&) {
    if (e.reason.empty()) return refuse("full_needs_reason", N_("A 100% charge needs a recorded reason."));
    fullCharge_ = true;
    record_.fullChargeReason = e.reason;
    record_.shareBasis = N_("100% charge, by staff decision");
    if (state_ == S::AwaitingPresentation) record_.source = EligibilitySource::NoProof;
    if (state_ != S::EligibilityConfirmed && state_ != S::ConfirmingCopay) {
        record_.claimRoute = ClaimRoute::Unknown;
        fallbackTaken_ = true;
    }
    note(e.reason);
    warn(N_("The patient pays 100%: the reason is recorded."));
    return S::ConfirmingCopay;
}

ReceptionSession::Next ReceptionSession::on(const event::ReceptionCancelled& e, const LocalDateTime&) {
    if (e.reason.empty()) return refuse("cancel_reason", N_("Say why the reception is cancelled."));
    record_.cancelled = true;
    record_.cancelReason = e.reason;
    return S::Cancelled;
}

// ---- the 申立書 ------------------------------------------------------------------------------

DocumentDetails ReceptionSession::selfDeclarationPrefill() const {
    DocumentDetails form;
    form.patient = record_.patient;
    form.insurance = record_.insurance;
    if (record_.onlineResult && !record_.onlineResult->results.empty()) {
        const QualificationRecord& q = record_.onlineResult->results.front();
        PatientDetails& p = form.patient;
        if (p.name.empty()) p.name = q.name.empty() ? q.insuredName : q.name;
        if (p.nameKana.empty()) p.nameKana = q.nameKana;
        if (!p.birthDate) p.birthDate = q.birthDate();
        if (p.address.empty()) p.address = q.address;
        if (p.postNumber.empty()) p.postNumber = q.postNumber;
        if (p.sex.empty()) p.sex = q.sex1.raw;
        form.insurerName = q.insurerName;
    }
    if (lastRecorded_) {
        if (form.insurance.insurerNumber.empty()) form.insurance = lastRecorded_->insurance;
        if (form.insurerName.empty()) form.insurerName = lastRecorded_->insurerName;
    }
    InsurerHint hint = insurerHintFor(form.insurance.insurerNumber);
    if (form.insurerName.empty()) form.insurerName = hint.insurerName;
    if (hint.insuranceType) form.insuranceType = *hint.insuranceType;
    return form;
}

}  // namespace madoguchi
