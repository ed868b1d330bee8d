#include "report_csv.h"

#include <iostream>

#include "app/visits_csv.h"
#include "commands.h"

namespace madoguchi::cli {

int printVisitsCsv(const std::vector<VisitSummary>& visits, ReportFormat format) {
    app::writeVisitsCsv(std::cout, visits, format.bom);
    return kOk;
}

}  // namespace madoguchi::cli
