#include "app/visit_generator.h"

#include "domain/facility.h"

namespace madoguchi::app {
namespace {

struct Mix {  // how a day at a clinic's window goes, roughly (DOMAIN.md §13)
    EligibilitySource source;
    ClaimRoute route;
    IdentityMethod identity;
    int weight;
    bool fullCharge = false;  // 10割: nothing confirmed the eligibility, settled later
};
const Mix kMix[] = {
    {EligibilitySource::OnlineCard, ClaimRoute::Current, IdentityMethod::Face, 52},
    {EligibilitySource::OnlineCard, ClaimRoute::Current, IdentityMethod::Pin, 8},
    {EligibilitySource::OnlineCard, ClaimRoute::Current, IdentityMethod::Visual, 3},
    {EligibilitySource::QualificationCertificate, ClaimRoute::Current, IdentityMethod::None, 25},
    {EligibilitySource::NoticeWithCard, ClaimRoute::Current, IdentityMethod::None, 4},
    {EligibilitySource::PortalScreenWithCard, ClaimRoute::Current, IdentityMethod::None, 3},
    {EligibilitySource::PastRecord, ClaimRoute::Old, IdentityMethod::None, 3},
    {EligibilitySource::SelfDeclaration, ClaimRoute::Unknown, IdentityMethod::None, 2},
    {EligibilitySource::PastRecord, ClaimRoute::Old, IdentityMethod::None, 1, true},
};
const char* const kFullChargeReason = "資格確認できず、後日精算";

const Mix& pick(std::mt19937& random) {
    int total = 0;
    for (const auto& m : kMix) total += m.weight;
    int roll = std::uniform_int_distribution<int>(0, total - 1)(random);
    for (const auto& m : kMix) {
        if (roll < m.weight) return m;
        roll -= m.weight;
    }
    return kMix[0];
}

}  // namespace

VisitGenerator::VisitGenerator(unsigned seed, int patients) : random_(seed), patients_(patients < 1 ? 1 : patients) {}

std::vector<VisitRecord> VisitGenerator::day(const Date& date, int visits) {
    std::vector<VisitRecord> batch;
    batch.reserve(static_cast<std::size_t>(visits));
    for (int i = 0; i < visits; ++i) batch.push_back(visit(date, i));
    return batch;
}

VisitRecord VisitGenerator::visit(const Date& day, int index) {
    std::mt19937& random = random_;
    int patients = patients_;
    const Mix& mix = pick(random);
    VisitRecord v;
    v.visitId = "G-" + day.compact() + "-" + std::to_string(index);
    v.patientId = "P" + std::to_string(std::uniform_int_distribution<int>(1, patients)(random));
    v.patient.name = "患者" + v.patientId;
    v.patient.birthDate = Date::fromYmd(1940 + static_cast<int>(random() % 80), 1 + random() % 12, 1 + random() % 28);
    v.identityMethod = mix.identity;
    v.source = mix.source;
    v.claimRoute = mix.route;
    v.insurance = mix.route == ClaimRoute::Unknown ? InsuranceIdentity{std::string(kUnknownClaimFiller), {"", std::string(kUnknownClaimFiller), ""}}
                                                   : InsuranceIdentity{"01130012", {"1234", v.patientId, "00"}};
    v.share = mix.fullCharge ? CopayShare::full() : *CopayShare::fromTenths(3);
    if (mix.fullCharge) v.fullChargeReason = kFullChargeReason;
    v.points = std::uniform_int_distribution<int>(100, 2500)(random);
    v.copay = copayAmount(*v.points, v.share);
    v.staffId = "uketsuke1";
    v.startedAt = {day, 9 + index % 9, (index * 7) % 60, 0};
    v.completedAt = v.startedAt;
    v.cancelled = random() % 200 == 0;  // the patient left before the copay
    if (v.cancelled) v.cancelReason = "left the window";
    return v;
}

}  // namespace madoguchi::app
