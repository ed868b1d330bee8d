#pragma once
// Visits as CSV for the manager's spreadsheet: UTF-8, CRLF rows, optionally with a BOM so Excel
// reads Japanese. One implementation for the CLI's reports and the manager window's export.
#include <ostream>
#include <vector>

#include "domain/manager_reports.h"

namespace madoguchi::app {

void writeVisitsCsv(std::ostream& out, const std::vector<VisitSummary>& visits, bool withBom);

}  // namespace madoguchi::app
