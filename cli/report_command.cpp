// madoguchi-cli report daily|followup|usage: the manager's reports, as JSON or CSV.
#include <Poco/JSON/Array.h>
#include <set>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "app/csv_writer.h"
#include "app/resources.h"
#include "domain/manager_desk.h"
#include "commands.h"
#include "journal_options.h"
#include "json_output.h"
#include "app/system_clock.h"
#include "report_csv.h"
#include "sign_in.h"
#include "storage/audit_anchor.h"
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

// Who asked, for the audit trail: each report names its reader and the patients it showed.
struct Reader {
    storage::FacilityJournal& journal;
    StaffMember member;

    void read(std::span<const VisitSummary> visits, const std::string& what, ReportFormat format) {
        std::vector<std::string> patients;
        std::set<std::string_view> seen;
        for (const auto& v : visits)
            if (!v.patientId.empty() && seen.insert(v.patientId).second) patients.emplace_back(v.patientId);
        std::string at = app::SystemClock().now().iso();
        journal.recordReads(member.id, patients, "madoguchi-cli " + what, *LocalDateTime::parseIso(at));
        if (format.csv)
            journal.audit({at, member.id, "export.csv", "", "",
                           what + ": " + std::to_string(visits.size()) + " rows to the standard output", ""});
    }
    // The audit trail's head, sealed: kept with the printout, it lets `audit verify --export` find
    // rows cut from the end even if the anchor file went with them.
    std::string anchor() {
        return storage::anchorLine(journal.auditKey(), storage::auditHead(journal.database(), app::SystemClock().now().iso()));
    }
};

template <class T>
T valueOrThrow(Outcome<T> outcome) {
    if (!outcome) throw std::runtime_error(outcome.problem().message);
    return std::move(outcome).value();
}

int daily(Reader& reader, const Options& options, ReportFormat format) {
    Date day = dateOption(options, "--date");
    DailyReport report = valueOrThrow(dailyReport(reader.member, reader.journal, day));
    reader.read(report.visits, "report daily " + day.iso(), format);
    if (format.csv) {
        printVisitsCsv(report.visits, format);
        std::cout << reader.anchor() << "\r\n";
        return kOk;
    }
    const DailyLog& log = report.log;
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
    json.set("audit_anchor", reader.anchor());
    Array::Ptr corrections = new Array;
    for (const auto& c : log.shareCorrections) {
        Object::Ptr item = new Object;
        item->set("visit_id", c.visitId);
        item->set("decided_tenths", c.decidedTenths == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(c.decidedTenths));
        item->set("chosen_tenths", c.chosenTenths);
        item->set("reason", c.reason);
        corrections->add(item);
    }
    json.set("share_corrections", corrections);
    printJson(json);
    return kOk;
}

int followup(Reader& reader, ReportFormat format) {
    auto visits = valueOrThrow(followUpList(reader.member, reader.journal));
    reader.read(visits, "report followup", format);
    if (format.csv) return printVisitsCsv(visits, format);
    Array::Ptr list = new Array;
    for (const auto& v : visits) {
        Object::Ptr item = new Object;
        item->set("visit_id", std::string(v.visitId));
        item->set("patient_id", std::string(v.patientId));
        item->set("patient_name", std::string(v.patientName));
        item->set("date", v.date.iso());
        item->set("claim_route", std::string(v.claimRoute));
        item->set("source", std::string(v.source));
        item->set("claim_remarks", std::string(v.claimRemarks));  // the ready 摘要欄 text (申立書 visits)
        item->set("window", std::string(v.window));              // which window recorded it
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

Poco::Dynamic::Var percentOrNull(const std::optional<int>& basisPoints) {
    return basisPoints ? Poco::Dynamic::Var(*basisPoints / 100.0) : Poco::Dynamic::Var();
}

std::string percentText(const std::optional<int>& basisPoints) {
    if (!basisPoints) return "";
    std::ostringstream out;
    out << *basisPoints / 100.0;
    return out.str();
}

void printUsageCsv(const UsageReport& report, ReportFormat format) {
    const MonthlyUsage& m = report.month;
    const auto& tier = report.standing.tier;
    app::CsvWriter csv(std::cout, format.bom);
    csv.row({"month", "patients_seen", "patients_with_card", "estimate_percent", "official_percent", "billing_best_month",
             "billing_best_percent", "tier", "next_tier", "gap_to_next_percent"});
    csv.row({m.month.iso().substr(0, 7), std::to_string(m.patientsSeen), std::to_string(m.patientsWithCard),
             percentText(m.estimateBasisPoints), percentText(m.officialBasisPoints),
             report.standing.bestMonth ? report.standing.bestMonth->iso().substr(0, 7) : "",
             percentText(report.standing.bestBasisPoints), tier ? std::to_string(tier->tier) : "",
             tier && tier->nextTier ? std::to_string(*tier->nextTier) : "", tier ? percentText(tier->gapBasisPoints) : ""});
}

int usage(Reader& reader, const Options& options, ReportFormat format) {
    storage::FacilityJournal& journal = reader.journal;
    Date month = dateOption(options, "--month");
    const StaffMember& manager = reader.member;
    if (auto rate = rateOption(options))
        valueOrThrow(enterOfficialRate(manager, journal, month, *rate, {month, 0, 0, 0}));
    auto tiers = app::loadBonusTierTable();
    if (!tiers) throw std::runtime_error(tiers.problem().message);
    UsageReport report = valueOrThrow(usageReport(manager, journal, month, tiers.value()));
    reader.read({}, "report usage " + month.iso().substr(0, 7), format);  // counts only, no patient rows
    if (format.csv) {
        printUsageCsv(report, format);
        return kOk;
    }
    const MonthlyUsage& current = report.month;
    const BillingMonthStanding& standing = report.standing;
    Object json;
    json.set("month", month.iso().substr(0, 7));
    json.set("patients_seen", current.patientsSeen);
    json.set("patients_with_card", current.patientsWithCard);
    json.set("estimate_percent", current.estimateBasisPoints / 100.0);
    json.set("official_percent", percentOrNull(current.officialBasisPoints));
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
    Options options(args, withSignInOptions({"--db", "--date", "--month", "--format", "--set-official"}), {"--bom"});
    if (options.positional().size() != 1) throw std::invalid_argument("usage: report daily|followup|usage ...");
    std::string format = options.value("--format").value_or("json");
    if (format != "json" && format != "csv") throw std::invalid_argument("--format must be json or csv");
    storage::FacilityJournal journal(journalLocation(options));
    ReportFormat output{format == "csv", options.flag("--bom")};
    const std::string& which = options.positional()[0];
    if (which != "daily" && which != "followup" && which != "usage")
        throw std::invalid_argument("report: daily, followup or usage");
    Reader reader{journal, signIn(journal, options, Permission::ViewReports)};
    if (which == "daily") return daily(reader, options, output);
    if (which == "followup") return followup(reader, output);
    if (which == "usage") return usage(reader, options, output);
    throw std::invalid_argument("report: daily, followup or usage");
}

}  // namespace madoguchi::cli
