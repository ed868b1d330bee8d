#pragma once
// Visits as CSV for the manager's spreadsheet (app/csv_writer.h). One implementation for the
// CLI's reports and the manager window's export. Coded columns (identity method, source,
// validity, claim route) carry only values of their code tables: anything else is written empty.
#include <ostream>
#include <span>

#include "domain/manager_reports.h"
#include "domain/rule_tables.h"

namespace madoguchi::app {

void writeVisitsCsv(std::ostream& out, std::span<const VisitSummary> visits, const CodeTables& codes, bool withBom);

}  // namespace madoguchi::app
