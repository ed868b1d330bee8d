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

// request_encoding: "auto" (follow the site's results), "utf-8" or "shift_jis".
inline constexpr const char* kRequestEncodings[] = {"auto", "utf-8", "shift_jis"};
// folder_watch: "auto" (inotify events on a local folder, polling on a network share) or "polling"
// (always scan: a share the automatic check does not recognise and that reports no changes).
inline constexpr const char* kFolderWatchModes[] = {"auto", "polling"};
inline constexpr int kDefaultSelfDeclarationRetentionDays = 90;  // the month's claim and its first returns
inline constexpr int kMaxSelfDeclarationRetentionDays = 3650;

struct AppSettings {
    FacilitySettings facility;
    IdentitySource identitySource = IdentitySource::CertifiedReaderFolders;
    std::filesystem::path gatewayRoot;   // holds req/, res/, face/
    std::filesystem::path faceTrashFolder;  // an electronic chart's trash/archive for face files (also scanned)
    std::string requestEncoding = "auto";   // one of kRequestEncodings
    std::string folderWatch = "auto";       // one of kFolderWatchModes
    std::string cardCheckUrl;            // direct card check endpoint (DirectReader): https:// only
    std::filesystem::path cardCheckCaFile;  // PEM: the CA of the gateway's TLS certificate (pinned)
    std::string printerName;             // empty: the system default
    std::string language;                // empty: follow the desktop; "ja" or "en"
    std::filesystem::path journalPath;   // empty: defaultJournalPath()
    std::string windowName;              // names this window in the audit trail; empty: the host name
    int idleLockMinutes = 5;             // the reception window locks after this many quiet minutes; 0: never
    int selfDeclarationRetentionDays = kDefaultSelfDeclarationRetentionDays;  // printed 申立書 PDFs are then deleted
};

// Whether a settings file on disk is the one an administrator saved. saveAppSettings() seals the
// file (its "seal": HMAC-SHA256 of the rest, keyed with the audit key beside the file,
// storage::auditKeyIn); the windows refuse a file whose seal is missing or does not match.
enum class SettingsSeal {
    NoFile,    // a new installation: the defaults
    Intact,    // sealed by the settings dialog or the set-up assistant, unchanged since
    Missing,   // no seal: written by hand, or by a version before seals
    Mismatch,  // changed since it was sealed (or sealed with another key, or the key is gone)
};
struct SettingsFile {
    AppSettings settings;  // what the file says, even when its seal fails (for the administrator to review)
    SettingsSeal seal = SettingsSeal::NoFile;
};

std::filesystem::path defaultSettingsPath();
// Where the journal of these settings is: settings.journalPath, else storage::defaultJournalPath().
std::filesystem::path journalLocation(const AppSettings& settings);
// Reads the file and checks its seal. A missing file gives the defaults (NoFile); a malformed one,
// or an audit key that is not private, a Problem naming what is wrong.
Outcome<SettingsFile> readAppSettings(const std::filesystem::path& path);
// readAppSettings() for whoever only uses the settings: a file whose seal is missing or does not
// match is a Problem ("settings.changed_outside", settingsRefusal()).
Outcome<AppSettings> loadAppSettings(const std::filesystem::path& path);
// Writes the file (0600, atomically) sealed with the audit key beside it (created when missing).
// Only the administrator's dialog and the set-up assistant call it.
Outcome<bool> saveAppSettings(const AppSettings& settings, const std::filesystem::path& path);
// Why a file is refused and what to do, in English (the windows show their own translated text).
std::string settingsRefusal(const std::filesystem::path& path, SettingsSeal seal);
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
