#include "follow_up_recheck.h"

#include <unordered_map>

#include "facility.h"
#include "manager_desk.h"
#include "ports/manager_journal.h"

namespace madoguchi {
namespace {

bool usable(const InsuranceIdentity& insurance) {
    return !insurance.insurerNumber.empty() && !isUnknownClaimFiller(insurance.insurerNumber) &&
           !insurance.card.number.empty() && !isUnknownClaimFiller(insurance.card.number);
}

// Valid on the visit day: the record's QualificationDate (when given) is not after it and its
// DisqualificationDate (when given) is after it.
bool coversVisitDay(const EligibilityResult& result, const Date& visitDate) {
    const QualificationRecord& record = result.results.front();
    auto from = Date::parseCompact(record.qualificationDate);
    auto until = Date::parseCompact(record.disqualificationDate);
    return (!from || *from <= visitDate) && (!until || *until > visitDate);
}

// The job's answers looked up by the echoed identifier (the visit id), else — for a terminal that
// did not echo it — by the numbers and birth date asked with: built once, so matching 10,000
// visits stays linear.
class AnswerIndex {
public:
    struct Found {
        BulkPersonAnswer* person = nullptr;
        bool onlyThisVisit = false;  // found by the visit's own id: no other visit can find it
    };
    explicit AnswerIndex(BulkCheckAnswer& answers) {
        for (auto& person : answers.people) {
            if (!person.arbitraryIdentifier.empty()) byIdentifier_.emplace(person.arbitraryIdentifier, &person);
            else byNumbers_.emplace(key(person.asked.insurerNumber, person.asked.card.number, person.birthdate), &person);
        }
    }
    Found find(const RecheckCandidate& candidate, const NumberQuery& query) const {
        if (auto found = byIdentifier_.find(candidate.visitId); found != byIdentifier_.end()) return {found->second, true};
        auto found = byNumbers_.find(key(query.insurance.insurerNumber, query.insurance.card.number, query.birthDate.compact()));
        return {found == byNumbers_.end() ? nullptr : found->second, false};
    }

private:
    static std::string key(const std::string& insurer, const std::string& card, const std::string& birth) {
        return insurer + '\n' + card + '\n' + birth;
    }
    std::unordered_map<std::string, BulkPersonAnswer*> byIdentifier_, byNumbers_;  // the first answer of each key
};

// The verdict of one answer; a confirmed visit is left as Retagged with its re-tag in `retag`
// (applied later, with the others, in one transaction), whose evidence is the answer's XML:
// taken from the answer when no other visit can find it (10,000 of them are 25 MB), else copied.
RecheckEntry judged(const RecheckCandidate& candidate, AnswerIndex::Found found, const std::string& reason,
                    const StaffMember& who, const LocalDateTime& now, std::optional<Retag>& retag) {
    BulkPersonAnswer& person = *found.person;
    RecheckEntry entry{candidate.visitId, RecheckVerdict::NotConfirmed, person.result.qualificationValidity.raw, {}};
    const EligibilityResult& result = person.result;
    entry.detail = !result.processingResultMessage.empty() ? result.processingResultMessage : result.errorMessage;
    if (!result.isConfirmed()) return entry;
    if (!coversVisitDay(result, candidate.visitDate)) {
        entry.verdict = RecheckVerdict::NotOnVisitDay;
        return entry;
    }
    retag = Retag{candidate.visitId, ClaimRoute::Current, who.id, reason,
                  found.onlyThisVisit ? std::move(person.rawXml) : person.rawXml, now};
    entry.verdict = RecheckVerdict::Retagged;
    return entry;
}

// The re-tags in one transaction; a refused one turns its entry into RetagFailed with the reason.
void applyRetags(VisitJournal& journal, const std::vector<Retag>& retags, const std::vector<std::size_t>& entryOf,
                 RecheckReport& report) {
    if (retags.empty()) return;
    const auto outcomes = journal.retagAll(retags);
    for (std::size_t i = 0; i < outcomes.size() && i < entryOf.size(); ++i) {
        if (outcomes[i]) continue;
        RecheckEntry& entry = report.visits[entryOf[i]];
        entry.verdict = RecheckVerdict::RetagFailed;
        entry.detail = outcomes[i].problem().message;
    }
}

}  // namespace

std::string_view recheckVerdictName(RecheckVerdict verdict) {
    switch (verdict) {
        case RecheckVerdict::Retagged: return "retagged";
        case RecheckVerdict::NotConfirmed: return "not_confirmed";
        case RecheckVerdict::NotOnVisitDay: return "not_on_visit_day";
        case RecheckVerdict::NoNumbers: return "no_numbers";
        case RecheckVerdict::NoAnswer: return "no_answer";
        case RecheckVerdict::RetagFailed: return "retag_failed";
    }
    return "no_answer";
}

int RecheckReport::count(RecheckVerdict verdict) const {
    int n = 0;
    for (const auto& entry : visits) n += entry.verdict == verdict ? 1 : 0;
    return n;
}

std::optional<NumberQuery> recheckQueryFor(const RecheckCandidate& candidate, const Date& today) {
    if (!candidate.birthDate) return std::nullopt;
    const InsuranceIdentity* insurance = usable(candidate.claimed) ? &candidate.claimed : nullptr;
    if (!insurance && candidate.declared && usable(*candidate.declared)) insurance = &*candidate.declared;
    if (!insurance) return std::nullopt;
    return NumberQuery{*insurance, *candidate.birthDate, today, false, candidate.visitId};
}

Outcome<RecheckReport> recheckFollowUps(const StaffMember& who, ManagerJournal& followUps, BulkEligibilityCheck& check,
                                        VisitJournal& journal, const LocalDateTime& now,
                                        const RecheckProgressSink& progress) {
    if (auto allowed = requirePermission(who, Permission::RetagClaim); !allowed) return allowed.problem();
    RecheckProgress progressed;
    const auto tell = [&](RecheckStage stage) {
        progressed.stage = stage;
        if (progress) progress(progressed);
    };
    tell(RecheckStage::ReadingList);
    const std::vector<RecheckCandidate> candidates = followUps.recheckCandidates();
    RecheckReport report;
    std::vector<NumberQuery> queries;
    std::unordered_map<std::string, std::size_t> asked;  // visit id → its query in `queries`
    for (const auto& candidate : candidates)
        if (auto query = recheckQueryFor(candidate, now.date)) {
            asked.emplace(candidate.visitId, queries.size());
            queries.push_back(std::move(*query));
        }
    progressed.visits = candidates.size();
    progressed.asked = queries.size();
    BulkCheckAnswer answers;
    if (!queries.empty()) {
        tell(RecheckStage::Asking);
        auto checked = check.check(queries);
        if (!checked) return checked.problem();
        answers = std::move(checked).value();
        report.receptionNumber = answers.receptionNumber;
        report.answerFile = answers.answerFile;
    }
    tell(RecheckStage::Matching);
    const AnswerIndex index(answers);
    const std::string reason = "bulk re-check confirmed the eligibility (reception " + answers.receptionNumber + ", " +
                               answers.answerFile + ")";
    std::vector<Retag> retags;
    std::vector<std::size_t> entryOf;  // retags[i] belongs to report.visits[entryOf[i]]
    report.visits.reserve(candidates.size());
    for (const auto& candidate : candidates) {
        auto query = asked.find(candidate.visitId);
        if (query == asked.end()) {
            report.visits.push_back({candidate.visitId, RecheckVerdict::NoNumbers, {}, {}});
            continue;
        }
        const AnswerIndex::Found found = index.find(candidate, queries[query->second]);
        if (!found.person) {
            report.visits.push_back({candidate.visitId, RecheckVerdict::NoAnswer, {}, {}});
            continue;
        }
        std::optional<Retag> retag;
        report.visits.push_back(judged(candidate, found, reason, who, now, retag));
        if (!retag) continue;
        retags.push_back(std::move(*retag));
        entryOf.push_back(report.visits.size() - 1);
    }
    progressed.confirmed = retags.size();
    tell(RecheckStage::Applying);
    applyRetags(journal, retags, entryOf, report);
    tell(RecheckStage::Done);
    return report;
}

}  // namespace madoguchi
