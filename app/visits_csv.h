#pragma once
// Visits as CSV for the manager's spreadsheet (app/csv_writer.h). One implementation for the
// CLI's reports and the manager window's export. Coded columns (identity method, source,
// validity, claim route) carry only values of their code tables: anything else is written empty.
#include <ostream>
#include <vector>

#include "domain/manager_reports.h"
#include "domain/rule_tables.h"

namespace madoguchi::app {

void writeVisitsCsv(std::ostream& out, const std::vector<VisitSummary>& visits, const CodeTables& codes, bool withBom);

}  // namespace madoguchi::app
