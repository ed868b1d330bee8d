// madoguchi-cli report daily|followup|usage: the manager's reports, as JSON or CSV.
#include <Poco/JSON/Array.h>
#include <iostream>
#include <stdexcept>

#include "app/resources.h"
#include "commands.h"
#include "journal_options.h"
#include "json_output.h"
#include "report_csv.h"
#include "storage/visit_journal.h"

namespace madoguchi::cli {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Date dateOption(const Options& options, const std::string& name) {
    auto text = options.required(name);
    auto date = Date::parseIso(name == "--month" ? text + "-01" : text);
    if (!date) throw std::invalid_argument(name + (name == "--month" ? " must be YYYY-MM" : " must be YYYY-MM-DD"));
    return *date;
}

Object::Ptr counts(const std::map<std::string, int>& values) {
    Object::Ptr json = new Object;
    for (const auto& [key, count] : values) json->set(key, count);
    return json;
}

int daily(storage::SqliteVisitJournal& journal, const Options& options, ReportFormat format) {
    Date day = dateOption(options, "--date");
    auto visits = journal.visitsBetween(day, day);
    DailyLog log = summarizeDay(day, visits);
    if (format.csv) return printVisitsCsv(visits, format);
    Object json;
    json.set("date", day.iso());
    json.set("visits", log.visits);
    json.set("cancelled", log.cancelled);
    json.set("fallbacks", log.fallbacks);
    json.set("self_declarations", log.selfDeclarations);
    json.set("copay_total_yen", log.copayTotalYen);
    json.set("by_identity_method", counts(log.byIdentityMethod));
    json.set("by_source", counts(log.bySource));
    json.set("by_validity", counts(log.byValidity));
    json.set("by_claim_route", counts(log.byClaimRoute));
    Array::Ptr full = new Array;
    for (const auto& [visit, reason] : log.fullCharges) {
        Object::Ptr item = new Object;
        item->set("visit_id", visit);
        item->set("reason", reason);
        full->add(item);
    }
    json.set("full_charges", full);
    printJson(json);
    return kOk;
}

int followup(storage::SqliteVisitJournal& journal, ReportFormat format) {
    auto visits = journal.followUps();
    if (format.csv) return printVisitsCsv(visits, format);
    Array::Ptr list = new Array;
    for (const auto& v : visits) {
        Object::Ptr item = new Object;
        item->set("visit_id", v.visitId);
        item->set("patient_id", v.patientId);
        item->set("patient_name", v.patientName);
        item->set("date", v.date.iso());
        item->set("claim_route", v.claimRoute);
        item->set("source", v.source);
        list->add(item);
    }
    Object json;
    json.set("count", static_cast<int>(visits.size()));
    json.set("visits", list);
    printJson(json);
    return kOk;
}

std::optional<int> rateOption(const Options& options) {
    auto text = options.value("--set-official");
    if (!text) return std::nullopt;
    double rate = -1;
    try {
        rate = std::stod(*text);
    } catch (const std::exception&) {
    }
    if (rate < 0 || rate > 1) throw std::invalid_argument("--set-official takes a rate from 0 to 1 (0.42 = 42%)");
    return static_cast<int>(rate * 10000 + 0.5);
}

int usage(storage::SqliteVisitJournal& journal, const Options& options) {
    Date month = dateOption(options, "--month");
    if (auto rate = rateOption(options)) {
        auto set = journal.setOfficialRate(month, *rate, options.value("--staff").value_or("manager"), {month, 0, 0, 0});
        if (!set) throw std::runtime_error(set.problem().message);
    }
    auto tiers = app::loadBonusTierTable();
    if (!tiers) throw std::runtime_error(tiers.problem().message);
    auto official = journal.officialRates();
    std::map<Date, MonthlyUsage> usageByMonth;
    auto visits = journal.visitsBetween(month.plusMonths(-5), month.plusMonths(1).plusDays(-1));
    for (int back = 0; back <= 5; ++back) {
        Date m = month.plusMonths(-back);
        auto found = official.find(m);
        usageByMonth.insert_or_assign(m, usageForMonth(m, visits, found == official.end() ? std::nullopt : std::optional<int>(found->second)));
    }
    const MonthlyUsage& current = usageByMonth.at(month);
    BillingMonthStanding standing = standingForBillingMonth(month, usageByMonth, tiers.value());
    Object json;
    json.set("month", month.iso().substr(0, 7));
    json.set("patients_seen", current.patientsSeen);
    json.set("patients_with_card", current.patientsWithCard);
    json.set("estimate_percent", current.estimateBasisPoints / 100.0);
    json.set("official_percent", current.officialBasisPoints ? Poco::Dynamic::Var(*current.officialBasisPoints / 100.0) : Poco::Dynamic::Var());
    json.set("billing_best_month", standing.bestMonth ? Poco::Dynamic::Var(standing.bestMonth->iso().substr(0, 7)) : Poco::Dynamic::Var());
    json.set("billing_best_percent", standing.bestBasisPoints / 100.0);
    if (standing.tier) {
        json.set("tier", standing.tier->tier);
        json.set("next_tier", standing.tier->nextTier ? Poco::Dynamic::Var(*standing.tier->nextTier) : Poco::Dynamic::Var());
        json.set("gap_to_next_percent", standing.tier->gapBasisPoints / 100.0);
    } else {
        json.set("tier", Poco::Dynamic::Var());
    }
    printJson(json);
    return kOk;
}

}  // namespace

int runReport(const Arguments& args) {
    Options options(args, {"--db", "--date", "--month", "--format", "--set-official", "--staff"}, {"--bom"});
    if (options.positional().size() != 1) throw std::invalid_argument("usage: report daily|followup|usage ...");
    std::string format = options.value("--format").value_or("json");
    if (format != "json" && format != "csv") throw std::invalid_argument("--format must be json or csv");
    storage::SqliteVisitJournal journal(journalPath(options));
    ReportFormat output{format == "csv", options.flag("--bom")};
    const std::string& which = options.positional()[0];
    if (which == "daily") return daily(journal, options, output);
    if (which == "followup") return followup(journal, output);
    if (which == "usage") return usage(journal, options);
    throw std::invalid_argument("report: daily, followup or usage");
}

}  // namespace madoguchi::cli
