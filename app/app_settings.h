#pragma once
// What the facility's admin sets once (Settings window) and the windows read at start-up.
// Stored as JSON at defaultSettingsPath() ($XDG_CONFIG_HOME/madoguchi/settings.json).
#include <filesystem>
#include <string>
#include <vector>

#include "domain/facility.h"
#include "domain/outcome.h"

namespace madoguchi {

// How the person and the eligibility reach us (ARCHITECTURE.md, "two ways identity reaches us").
enum class IdentitySource {
    CertifiedReaderFolders,  // the certified face reader + 資格確認端末: face/ and res/ folders
    DirectReader,            // our own PC/SC reader and the direct card check
    Both,                    // the certified reader's folders and our own PC/SC reader side by side
};
// Whether the window watches the terminal's folders (face/, res/) and our own PC/SC reader.
inline bool usesTerminalFolders(IdentitySource source) { return source != IdentitySource::DirectReader; }
inline bool usesDirectReader(IdentitySource source) { return source != IdentitySource::CertifiedReaderFolders; }

struct AppSettings {
    FacilitySettings facility;
    IdentitySource identitySource = IdentitySource::CertifiedReaderFolders;
    std::filesystem::path gatewayRoot;   // holds req/, res/, face/
    std::filesystem::path faceTrashFolder;  // an electronic chart's trash/archive for face files (also scanned)
    std::string requestEncoding = "auto";   // "auto" (follow the site's results), "utf-8" or "shift_jis"
    std::string cardCheckUrl;            // direct card check endpoint (DirectReader): https:// only
    std::filesystem::path cardCheckCaFile;  // PEM: the CA of the gateway's TLS certificate (pinned)
    std::string printerName;             // empty: the system default
    std::string language;                // empty: follow the desktop; "ja" or "en"
    std::filesystem::path journalPath;   // empty: defaultJournalPath()
    std::string windowName;              // names this window in the audit trail; empty: the host name
    int idleLockMinutes = 5;             // the reception window locks after this many quiet minutes; 0: never
};

std::filesystem::path defaultSettingsPath();
// A missing file gives the defaults; a malformed one a Problem naming what is wrong.
Outcome<AppSettings> loadAppSettings(const std::filesystem::path& path);
Outcome<bool> saveAppSettings(const AppSettings& settings, const std::filesystem::path& path);
// What an edit changed, one "field: old -> new" per changed field, for the audit trail. Secrets
// are masked: a URL's user, password and query show as "***".
std::vector<std::string> settingsChanges(const AppSettings& before, const AppSettings& after);
// Required fields and the 医療機関コード format; empty when the settings can be saved.
std::vector<std::string> settingsProblems(const AppSettings& settings);
// The 医療機関コード alone (for live validation): 10 digits, a prefecture 01-47, and the
// 点数表 digit matching the kind (1 医科 or 3 歯科 for a clinic, 4 調剤 for a pharmacy).
// Empty when valid, else an English msgid.
std::string medicalInstitutionCodeProblem(const std::string& code, FacilityKind kind);

}  // namespace madoguchi
