#include "app/visits_csv.h"

#include <string>

#include "app/csv_writer.h"
#include "domain/visit_record.h"

namespace madoguchi::app {
namespace {

constexpr std::string_view kValidityTable = "OQSCD006";  // QualificationValidity

template <class Parse>
std::string_view known(std::string_view name, Parse parse) {
    return parse(name) ? name : std::string_view();
}

std::string_view validityCode(std::string_view code, const CodeTables& codes) {
    return !code.empty() && codes.label(kValidityTable, code) ? code : std::string_view();
}

}  // namespace

void writeVisitsCsv(std::ostream& out, std::span<const VisitSummary> visits, const CodeTables& codes, bool withBom) {
    CsvWriter csv(out, withBom);
    csv.row({"visit_id", "date", "started_at", "patient_id", "patient_name", "identity_method", "source", "validity",
             "claim_route", "share_tenths", "copay_yen", "full_charge_reason", "cancelled"});
    for (const auto& v : visits) {
        csv.row({v.visitId, v.date.iso(), v.startedAt, v.patientId, v.patientName,
                 known(v.identityMethod, identityMethodFromName), known(v.source, eligibilitySourceFromName),
                 validityCode(v.validity, codes), known(v.claimRoute, claimRouteFromName), std::to_string(v.shareTenths),
                 v.copayYen ? std::to_string(*v.copayYen) : "", v.fullChargeReason, v.cancelled ? "1" : "0"});
    }
}

}  // namespace madoguchi::app
