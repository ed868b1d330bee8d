#pragma once
// CSV for the manager's spreadsheet: UTF-8, optionally with a BOM so Excel reads Japanese.
#include <span>

#include "domain/manager_reports.h"

namespace madoguchi::cli {

struct ReportFormat {
    bool csv = false;
    bool bom = false;
};

int printVisitsCsv(std::span<const VisitSummary> visits, ReportFormat format);

}  // namespace madoguchi::cli
