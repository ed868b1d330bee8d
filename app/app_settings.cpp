#include "app/app_settings.h"
#include "storage/private_files.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "app/resources.h"
#include "storage/audit_key.h"
#include "storage/open_database.h"
#include "storage/server_address.h"
#include "storage/visit_journal.h"

namespace madoguchi {
namespace {

using Poco::JSON::Object;

const char* kindName(FacilityKind kind) { return kind == FacilityKind::Pharmacy ? "pharmacy" : "clinic"; }
const char* sourceName(IdentitySource source) {
    switch (source) {
        case IdentitySource::DirectReader: return "direct_reader";
        case IdentitySource::Both: return "both";
        case IdentitySource::CertifiedReaderFolders: break;
    }
    return "certified_reader_folders";
}

Problem malformed(const std::filesystem::path& path, const std::string& what) {
    return Problem{"settings.malformed", "The settings file " + path.string() + " is not valid: " + what};
}

// Reads an optional string member; a member of another type is a Problem.
bool readString(const Object& object, const std::string& key, std::string& out, std::string& error) {
    if (!object.has(key) || object.isNull(key)) return true;
    Poco::Dynamic::Var value = object.get(key);
    if (!value.isString()) {
        error = "\"" + key + "\" must be a text";
        return false;
    }
    out = value.convert<std::string>();
    return true;
}

bool readFacility(const Object& root, FacilitySettings& facility, std::string& error) {
    if (!root.has("facility")) return true;
    Object::Ptr json = root.getObject("facility");
    if (!json) {
        error = "\"facility\" must be an object";
        return false;
    }
    std::string kind = kindName(facility.kind);
    if (!readString(*json, "medical_institution_code", facility.medicalInstitutionCode, error) ||
        !readString(*json, "name", facility.name, error) || !readString(*json, "kind", kind, error))
        return false;
    if (kind != "clinic" && kind != "pharmacy") {
        error = "\"facility.kind\" must be \"clinic\" or \"pharmacy\"";
        return false;
    }
    facility.kind = kind == "pharmacy" ? FacilityKind::Pharmacy : FacilityKind::Clinic;
    if (json->has("mode")) {
        Poco::Dynamic::Var mode = json->get("mode");
        int number = mode.isInteger() ? mode.convert<int>() : 0;
        if (number < 1 || number > 3) {
            error = "\"facility.mode\" must be 1, 2 or 3";
            return false;
        }
        facility.mode = static_cast<FacilityMode>(number);
    }
    if (json->has("unknown_claim_uses_check_digit_filler")) {
        Poco::Dynamic::Var filler = json->get("unknown_claim_uses_check_digit_filler");
        if (!filler.isBoolean()) {
            error = "\"facility.unknown_claim_uses_check_digit_filler\" must be true or false";
            return false;
        }
        facility.unknownClaimUsesCheckDigitFiller = filler.convert<bool>();
    }
    return true;
}

Outcome<Object::Ptr> parseSettings(const std::string& text, const std::filesystem::path& path) {
    try {
        Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(text);
        if (parsed.type() != typeid(Object::Ptr)) return malformed(path, "the top level must be an object");
        return parsed.extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        return malformed(path, e.displayText());
    }
}

// A whole number member within [low, high]; a member of another type or out of range is a Problem.
bool readWholeNumber(const Object& object, const std::string& key, int low, int high, int& out, std::string& error) {
    if (!object.has(key)) return true;
    Poco::Dynamic::Var value = object.get(key);
    out = value.isInteger() ? value.convert<int>() : low - 1;
    if (out >= low && out <= high) return true;
    error = "\"" + key + "\" must be a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    return false;
}

Outcome<AppSettings> settingsFromJson(const Object& root, const std::filesystem::path& path) {
    AppSettings settings;
    std::string error;
    std::string source = sourceName(settings.identitySource);
    std::string gatewayRoot;
    std::string journalPath;
    std::string faceTrashFolder;
    std::string cardCheckCaFile;
    if (!readFacility(root, settings.facility, error) || !readString(root, "identity_source", source, error) ||
        !readString(root, "gateway_root", gatewayRoot, error) ||
        !readString(root, "card_check_url", settings.cardCheckUrl, error) ||
        !readString(root, "card_check_ca_file", cardCheckCaFile, error) ||
        !readString(root, "printer", settings.printerName, error) ||
        !readString(root, "language", settings.language, error) ||
        !readString(root, "journal_path", journalPath, error) ||
        !readString(root, "window_name", settings.windowName, error) ||
        !readString(root, "face_trash_folder", faceTrashFolder, error) ||
        !readString(root, "request_encoding", settings.requestEncoding, error) ||
        !readString(root, "folder_watch", settings.folderWatch, error))
        return malformed(path, error);
    if (!readWholeNumber(root, "idle_lock_minutes", 0, 240, settings.idleLockMinutes, error) ||
        !readWholeNumber(root, "self_declaration_retention_days", 1, kMaxSelfDeclarationRetentionDays,
                         settings.selfDeclarationRetentionDays, error))
        return malformed(path, error);
    if (std::find(std::begin(kRequestEncodings), std::end(kRequestEncodings), settings.requestEncoding) ==
        std::end(kRequestEncodings))
        return malformed(path, "\"request_encoding\" must be \"auto\", \"utf-8\" or \"shift_jis\"");
    if (std::find(std::begin(kFolderWatchModes), std::end(kFolderWatchModes), settings.folderWatch) ==
        std::end(kFolderWatchModes))
        return malformed(path, "\"folder_watch\" must be \"auto\" or \"polling\"");
    if (storage::isServerLocation(journalPath)) {  // the password belongs in ~/.pgpass, never in this file
        try {
            storage::connectionOptions(journalPath);
        } catch (const storage::StorageError& refused) {
            return malformed(path, "\"journal_path\": " + std::string(refused.what()));
        }
    }
    if (source != "certified_reader_folders" && source != "direct_reader" && source != "both")
        return malformed(path, "\"identity_source\" must be \"certified_reader_folders\", \"direct_reader\" or \"both\"");
    if (settings.language != "" && settings.language != "ja" && settings.language != "en")
        return malformed(path, "\"language\" must be \"\", \"ja\" or \"en\"");
    settings.identitySource = source == "direct_reader" ? IdentitySource::DirectReader
                              : source == "both"        ? IdentitySource::Both
                                                        : IdentitySource::CertifiedReaderFolders;
    settings.gatewayRoot = gatewayRoot;
    settings.journalPath = journalPath;
    settings.faceTrashFolder = faceTrashFolder;
    settings.cardCheckCaFile = cardCheckCaFile;
    return settings;
}

Object::Ptr settingsToJson(const AppSettings& settings) {
    Object::Ptr facility = new Object;
    facility->set("medical_institution_code", settings.facility.medicalInstitutionCode);
    facility->set("name", settings.facility.name);
    facility->set("kind", std::string(kindName(settings.facility.kind)));
    facility->set("mode", static_cast<int>(settings.facility.mode));
    facility->set("unknown_claim_uses_check_digit_filler", settings.facility.unknownClaimUsesCheckDigitFiller);
    Object::Ptr root = new Object;
    root->set("facility", facility);
    root->set("identity_source", std::string(sourceName(settings.identitySource)));
    root->set("gateway_root", settings.gatewayRoot.string());
    root->set("card_check_url", settings.cardCheckUrl);
    root->set("card_check_ca_file", settings.cardCheckCaFile.string());
    root->set("printer", settings.printerName);
    root->set("language", settings.language);
    root->set("journal_path", settings.journalPath.string());
    root->set("window_name", settings.windowName);
    root->set("face_trash_folder", settings.faceTrashFolder.string());
    root->set("request_encoding", settings.requestEncoding);
    root->set("folder_watch", settings.folderWatch);
    root->set("idle_lock_minutes", settings.idleLockMinutes);
    root->set("self_declaration_retention_days", settings.selfDeclarationRetentionDays);
    return root;
}

const std::string kSealMember = "seal";

// What the seal covers: every member but the seal, compact, in key order (Poco's objects keep
// their keys sorted), so the file's layout and whitespace do not matter but every value does.
std::string sealedContent(const Object& root) {
    Object content(root);
    content.remove(kSealMember);
    std::ostringstream text;
    content.stringify(text);
    return text.str();
}

std::filesystem::path keyBeside(const std::filesystem::path& settingsPath) {
    return storage::auditKeyIn(settingsPath.parent_path());
}

Outcome<SettingsSeal> checkSeal(const Object& root, const std::filesystem::path& path) {
    if (!root.has(kSealMember)) return SettingsSeal::Missing;
    Poco::Dynamic::Var seal = root.get(kSealMember);
    std::error_code ec;
    if (!seal.isString() || !std::filesystem::exists(keyBeside(path), ec)) return SettingsSeal::Mismatch;
    try {
        const storage::AuditKey key = storage::AuditKey::load(keyBeside(path));
        return key.hmacHex(sealedContent(root)) == seal.convert<std::string>() ? SettingsSeal::Intact
                                                                                 : SettingsSeal::Mismatch;
    } catch (const std::runtime_error& refused) {
        return Problem{"settings.key", std::string("The settings cannot be checked: ") + refused.what()};
    }
}

}  // namespace

std::filesystem::path defaultSettingsPath() { return storage::configFolder() / "settings.json"; }

std::filesystem::path journalLocation(const AppSettings& settings) {
    return settings.journalPath.empty() ? storage::defaultJournalPath() : settings.journalPath;
}

Outcome<SettingsFile> readAppSettings(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return SettingsFile{};
    auto text = app::readTextFile(path);
    if (!text) return text.problem();
    auto root = parseSettings(text.value(), path);
    if (!root) return root.problem();
    auto settings = settingsFromJson(*root.value(), path);
    if (!settings) return settings.problem();
    auto seal = checkSeal(*root.value(), path);
    if (!seal) return seal.problem();
    return SettingsFile{settings.value(), seal.value()};
}

Outcome<AppSettings> loadAppSettings(const std::filesystem::path& path) {
    auto file = readAppSettings(path);
    if (!file) return file.problem();
    const SettingsSeal seal = file.value().seal;
    if (seal == SettingsSeal::Missing || seal == SettingsSeal::Mismatch)
        return Problem{"settings.changed_outside", settingsRefusal(path, seal)};
    return file.value().settings;
}

std::string settingsRefusal(const std::filesystem::path& path, SettingsSeal seal) {
    const std::string why = seal == SettingsSeal::Missing ? "it has no seal" : "its seal does not match its content";
    return "The settings file " + path.string() + " was changed outside Madoguchi's settings dialog (" + why +
           "), so it is not used. An administrator signs in, checks the settings and saves them again "
           "(Tools > Settings, or the set-up assistant).";
}

Outcome<bool> saveAppSettings(const AppSettings& settings, const std::filesystem::path& path) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return Problem{"settings.unwritable", "Cannot create the folder " + path.parent_path().string()};
    Object::Ptr root = settingsToJson(settings);
    try {
        std::ostringstream content;
        root->stringify(content);
        auto parsed = parseSettings(content.str(), path);  // sealed exactly as readAppSettings() will see it
        if (!parsed) return parsed.problem();
        root->set(kSealMember, storage::AuditKey::loadOrCreate(keyBeside(path)).hmacHex(sealedContent(*parsed.value())));
    } catch (const std::runtime_error& refused) {
        return Problem{"settings.key", std::string("The settings cannot be sealed: ") + refused.what()};
    }
    std::ostringstream json;
    root->stringify(json, 2);
    json << '\n';
    // Write beside the file, then rename: a crash never leaves half a settings file.
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return Problem{"settings.unwritable", "Cannot write " + temporary.string()};
        out << json.str();
        out.flush();
        if (!out) return Problem{"settings.unwritable", "Cannot write " + temporary.string()};
    }
    storage::makePrivateFile(temporary);
    std::filesystem::rename(temporary, path, ec);
    if (ec) return Problem{"settings.unwritable", "Cannot replace " + path.string()};
    return true;
}

std::string medicalInstitutionCodeProblem(const std::string& code, FacilityKind kind) {
    bool digits = std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isdigit(c); });
    if (code.size() != 10 || !digits) return N_("The medical institution code must be exactly 10 digits.");
    int prefecture = std::stoi(code.substr(0, 2));
    if (prefecture < 1 || prefecture > 47)
        return N_("The medical institution code must start with a prefecture number from 01 to 47.");
    char table = code[2];
    if (kind == FacilityKind::Pharmacy && table != '4')
        return N_("A pharmacy's medical institution code has 4 (調剤) as its third digit.");
    if (kind == FacilityKind::Clinic && table != '1' && table != '3')
        return N_("A clinic's medical institution code has 1 (医科) or 3 (歯科) as its third digit.");
    return {};
}

namespace {

std::string maskedUrl(const std::string& url) {
    std::string masked = url;
    std::size_t scheme = masked.find("://");
    std::size_t hostStart = scheme == std::string::npos ? 0 : scheme + 3;
    std::size_t at = masked.find('@', hostStart);
    std::size_t slash = masked.find('/', hostStart);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) masked.replace(hostStart, at - hostStart, "***");
    if (std::size_t query = masked.find('?'); query != std::string::npos) masked = masked.substr(0, query + 1) + "***";
    return masked;
}

}  // namespace

std::vector<std::string> settingsChanges(const AppSettings& before, const AppSettings& after) {
    std::vector<std::string> changes;
    auto compare = [&](const char* field, const std::string& old, const std::string& fresh) {
        if (old != fresh) changes.push_back(std::string(field) + ": " + old + " -> " + fresh);
    };
    compare("facility.medical_institution_code", before.facility.medicalInstitutionCode, after.facility.medicalInstitutionCode);
    compare("facility.name", before.facility.name, after.facility.name);
    compare("facility.kind", kindName(before.facility.kind), kindName(after.facility.kind));
    compare("facility.mode", std::to_string(static_cast<int>(before.facility.mode)),
            std::to_string(static_cast<int>(after.facility.mode)));
    compare("facility.unknown_claim_uses_check_digit_filler", before.facility.unknownClaimUsesCheckDigitFiller ? "true" : "false",
            after.facility.unknownClaimUsesCheckDigitFiller ? "true" : "false");
    compare("identity_source", sourceName(before.identitySource), sourceName(after.identitySource));
    compare("gateway_root", before.gatewayRoot.string(), after.gatewayRoot.string());
    compare("face_trash_folder", before.faceTrashFolder.string(), after.faceTrashFolder.string());
    compare("request_encoding", before.requestEncoding, after.requestEncoding);
    compare("folder_watch", before.folderWatch, after.folderWatch);
    std::size_t listed = changes.size();
    compare("card_check_url", maskedUrl(before.cardCheckUrl), maskedUrl(after.cardCheckUrl));
    if (before.cardCheckUrl != after.cardCheckUrl && changes.size() == listed)
        changes.push_back("card_check_url: *** -> *** (a masked part changed)");
    compare("card_check_ca_file", before.cardCheckCaFile.string(), after.cardCheckCaFile.string());
    compare("printer", before.printerName, after.printerName);
    compare("language", before.language, after.language);
    compare("journal_path", before.journalPath.string(), after.journalPath.string());
    compare("window_name", before.windowName, after.windowName);
    compare("idle_lock_minutes", std::to_string(before.idleLockMinutes), std::to_string(after.idleLockMinutes));
    compare("self_declaration_retention_days", std::to_string(before.selfDeclarationRetentionDays),
            std::to_string(after.selfDeclarationRetentionDays));
    return changes;
}

std::vector<std::string> settingsProblems(const AppSettings& settings) {
    std::vector<std::string> problems;
    if (std::string code = medicalInstitutionCodeProblem(settings.facility.medicalInstitutionCode, settings.facility.kind);
        !code.empty())
        problems.push_back(code);
    if (settings.facility.name.empty()) problems.push_back(N_("Enter the facility name."));
    if (usesTerminalFolders(settings.identitySource) && settings.gatewayRoot.empty())
        problems.push_back(N_("Choose the folder shared with the eligibility terminal."));
    if (settings.identitySource == IdentitySource::DirectReader && settings.cardCheckUrl.empty())
        problems.push_back(N_("Enter the address of the direct card check."));
    if (usesDirectReader(settings.identitySource) && !settings.cardCheckUrl.empty()) {
        if (settings.cardCheckUrl.rfind("https://", 0) != 0)
            problems.push_back(N_("The direct card check address must start with https://."));
        if (settings.cardCheckCaFile.empty())
            problems.push_back(N_("Choose the CA certificate that issued the gateway's certificate."));
    }
    if (usesTerminalFolders(settings.identitySource) &&
        !modeAllowsFaceAuthentication(settings.facility.mode))
        problems.push_back(N_("Modes ② and ③ have no face-recognition card reader: choose the direct reader."));
    if (settings.language != "" && settings.language != "ja" && settings.language != "en")
        problems.push_back(N_("Choose the desktop language, Japanese or English."));
    return problems;
}

}  // namespace madoguchi
