#include "app/visits_csv.h"

#include <string>

namespace madoguchi::app {
namespace {

std::string quoted(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

void writeVisitsCsv(std::ostream& out, const std::vector<VisitSummary>& visits, bool withBom) {
    if (withBom) out << "\xEF\xBB\xBF";
    out << "visit_id,date,started_at,patient_id,patient_name,identity_method,source,validity,claim_route,"
           "share_tenths,copay_yen,full_charge_reason,cancelled\r\n";
    for (const auto& v : visits) {
        out << quoted(v.visitId) << ',' << v.date.iso() << ',' << v.startedAt << ',' << quoted(v.patientId) << ','
            << quoted(v.patientName) << ',' << v.identityMethod << ',' << v.source << ',' << v.validity << ','
            << v.claimRoute << ',' << v.shareTenths << ',' << (v.copayYen ? std::to_string(*v.copayYen) : "") << ','
            << quoted(v.fullChargeReason) << ',' << (v.cancelled ? 1 : 0) << "\r\n";
    }
}

}  // namespace madoguchi::app
