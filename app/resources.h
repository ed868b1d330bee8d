#pragma once
// Where Madoguchi's data files (rule tables, code tables, demo data) are found, and loading
// them into the domain's tables. The one place that knows the resource layout.
#include <filesystem>
#include <string>

#include "domain/outcome.h"
#include "domain/rule_tables.h"

namespace madoguchi::app {

// The share folder beside the installed program: <prefix>/share for <prefix>/bin/madoguchi.
std::filesystem::path installedShareDir();
// Where the data files are: <share>/madoguchi next to the installed program. Developer builds
// (MADOGUCHI_DEVELOPER_BUILD, the default for the build presets) first try $MADOGUCHI_RESOURCES
// and the source tree; a release build (the packages) knows no other place than its own.
std::filesystem::path resourcesDir();
std::filesystem::path resourcePath(const std::string& relative);

// The face check's module (libmadoguchi-face.so, devices/camera/face_module.h): <prefix>/<libdir>/
// madoguchi beside the installed program. Developer builds first try $MADOGUCHI_FACE_MODULE
// and the build tree.
std::filesystem::path faceModulePath();

// Reads a whole text file; a missing or unreadable file is a Problem naming the path.
Outcome<std::string> readTextFile(const std::filesystem::path& path);

Outcome<CodeTables> loadCodeTables();          // resources/codes/oqs_codes.tsv
Outcome<DatedSettings> loadDatedSettings();    // resources/rules/dated_settings.tsv
Outcome<BonusTierTable> loadBonusTierTable();  // resources/rules/bonus_tiers.tsv

}  // namespace madoguchi::app
