#include "app/resources.h"

#include "devices/camera/face_module.h"
#include "platform/modules.h"
#include "platform/utf8_path.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace madoguchi::app {

namespace fs = std::filesystem;

fs::path installedShareDir() {
    // <prefix>/bin/program → <prefix>/share (Windows: <install dir>\program.exe → <install dir>\share).
    const fs::path programDir = platform::executablePath().parent_path();
#ifdef _WIN32
    return programDir / "share";
#else
    return programDir.parent_path() / "share";
#endif
}

fs::path resourcesDir() {
#ifdef MADOGUCHI_DEVELOPER_BUILD
    if (const char* fromEnvironment = std::getenv("MADOGUCHI_RESOURCES"); fromEnvironment && *fromEnvironment)
        return fromEnvironment;
    const fs::path sourceTree = MADOGUCHI_SOURCE_RESOURCES;
    if (fs::exists(sourceTree / "codes")) return sourceTree;
#endif
    return installedShareDir() / "madoguchi";
}

fs::path faceModulePath() { return platform::modulePath(camera::kFaceModuleFileName, "MADOGUCHI_FACE_MODULE"); }

std::filesystem::path resourcePath(const std::string& relative) { return resourcesDir() / relative; }

Outcome<std::string> readTextFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Problem{"file.unreadable", "Cannot read " + platform::utf8Text(path)};
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return Problem{"file.unreadable", "Cannot read " + platform::utf8Text(path)};
    return content.str();
}

namespace {
template <class Table>
Outcome<Table> loadTable(const std::string& relative) {
    auto text = readTextFile(resourcePath(relative));
    if (!text) return text.problem();
    auto table = Table::parse(text.value());
    if (!table) return Problem{table.problem().code, relative + ": " + table.problem().message};
    return table;
}
}  // namespace

Outcome<CodeTables> loadCodeTables() { return loadTable<CodeTables>("codes/oqs_codes.tsv"); }
Outcome<DatedSettings> loadDatedSettings() { return loadTable<DatedSettings>("rules/dated_settings.tsv"); }
Outcome<BonusTierTable> loadBonusTierTable() { return loadTable<BonusTierTable>("rules/bonus_tiers.tsv"); }

}  // namespace madoguchi::app
