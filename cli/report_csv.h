#pragma once
// CSV for the manager's spreadsheet: UTF-8, optionally with a BOM so Excel reads Japanese.
#include <vector>

#include "domain/manager_reports.h"

namespace madoguchi::cli {

struct ReportFormat {
    bool csv = false;
    bool bom = false;
};

int printVisitsCsv(const std::vector<VisitSummary>& visits, ReportFormat format);

}  // namespace madoguchi::cli
