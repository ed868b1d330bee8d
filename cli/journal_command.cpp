// madoguchi-cli journal generate: a realistic stretch of visits for reports and benchmarks.
#include <iostream>
#include <random>
#include <stdexcept>

#include "arguments.h"
#include "commands.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {
namespace {

struct Mix {  // how a day at a clinic's window goes, roughly (DOMAIN.md §13)
    EligibilitySource source;
    ClaimRoute route;
    IdentityMethod identity;
    int weight;
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
};

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

VisitRecord visit(std::mt19937& random, const Date& day, int index, int patients) {
    const Mix& mix = pick(random);
    VisitRecord v;
    v.visitId = "G-" + day.compact() + "-" + std::to_string(index);
    v.patientId = "P" + std::to_string(std::uniform_int_distribution<int>(1, patients)(random));
    v.patient.name = "患者" + v.patientId;
    v.patient.birthDate = Date::fromYmd(1940 + static_cast<int>(random() % 80), 1 + random() % 12, 1 + random() % 28);
    v.identityMethod = mix.identity;
    v.source = mix.source;
    v.claimRoute = mix.route;
    v.insurance = mix.route == ClaimRoute::Unknown ? InsuranceIdentity{"77777777", {"", "77777777", ""}}
                                                   : InsuranceIdentity{"01130012", {"1234", v.patientId, "00"}};
    v.share = *CopayShare::fromTenths(3);
    v.points = std::uniform_int_distribution<int>(100, 2500)(random);
    v.copay = copayAmount(*v.points, v.share);
    v.staffId = "uketsuke1";
    v.startedAt = {day, 9 + index % 9, (index * 7) % 60, 0};
    v.completedAt = v.startedAt;
    return v;
}

}  // namespace

int runJournal(const Arguments& args) {
    Options options(args, {"--db", "--start", "--days", "--per-day", "--seed", "--patients"}, {});
    if (options.positional().size() != 1 || options.positional()[0] != "generate")
        throw std::invalid_argument("usage: journal generate --db FILE --start YYYY-MM-DD --days N --per-day N");
    auto start = Date::parseIso(options.required("--start"));
    if (!start) throw std::invalid_argument("--start must be YYYY-MM-DD");
    int days = std::stoi(options.required("--days")), perDay = std::stoi(options.required("--per-day"));
    int patients = std::stoi(options.value("--patients").value_or(std::to_string(std::max(1, days * perDay / 6))));
    if (days < 1 || perDay < 1 || days * static_cast<long>(perDay) > 5'000'000)
        throw std::invalid_argument("--days and --per-day must be positive (at most 5,000,000 visits)");
    std::mt19937 random(static_cast<unsigned>(std::stoul(options.value("--seed").value_or("7"))));
    storage::SqliteVisitJournal journal(options.required("--db"));
    for (int d = 0; d < days; ++d) {
        std::vector<VisitRecord> batch;
        Date day = start->plusDays(d);
        for (int i = 0; i < perDay; ++i) batch.push_back(visit(random, day, i, patients));
        auto written = journal.recordVisits(batch);
        if (!written) throw std::runtime_error(written.problem().message);
    }
    std::cout << "{\"visits\": " << days * static_cast<long>(perDay) << "}\n";
    return kOk;
}

}  // namespace madoguchi::cli
