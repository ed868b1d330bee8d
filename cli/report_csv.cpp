#include "report_csv.h"

#include <iostream>
#include <stdexcept>

#include "app/resources.h"
#include "app/visits_csv.h"
#include "commands.h"

namespace madoguchi::cli {

int printVisitsCsv(std::span<const VisitSummary> visits, ReportFormat format) {
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    app::writeVisitsCsv(std::cout, visits, codes.value(), format.bom);
    return kOk;
}

}  // namespace madoguchi::cli
