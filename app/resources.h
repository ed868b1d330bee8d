#pragma once
// Where Madoguchi's data files (rule tables, code tables, demo data) are found, and loading
// them into the domain's tables. The one place that knows the resource layout.
#include <filesystem>
#include <string>

#include "domain/outcome.h"
#include "domain/rule_tables.h"

namespace madoguchi::app {

// $MADOGUCHI_RESOURCES, else the source tree (development), else the installed share folder.
std::filesystem::path resourcesDir();
std::filesystem::path resourcePath(const std::string& relative);

// Reads a whole text file; a missing or unreadable file is a Problem naming the path.
Outcome<std::string> readTextFile(const std::filesystem::path& path);

Outcome<CodeTables> loadCodeTables();          // resources/codes/oqs_codes.tsv
Outcome<DatedSettings> loadDatedSettings();    // resources/rules/dated_settings.tsv
Outcome<BonusTierTable> loadBonusTierTable();  // resources/rules/bonus_tiers.tsv

}  // namespace madoguchi::app
