#include "gui/app/facility_environment.h"

#include "app/resources.h"
#include "gui/app/terminal_folders.h"
#include "gui/forms/self_declaration_printer.h"
#include "storage/open_database.h"

namespace madoguchi::gui {
namespace {

// A journal file or the site server's postgresql:// URI (the file's folder is made first).
std::unique_ptr<storage::FacilityJournal> openJournal(const std::filesystem::path& location) {
    if (!storage::isServerLocation(location.string()) && location.has_parent_path())
        std::filesystem::create_directories(location.parent_path());
    return std::make_unique<storage::FacilityJournal>(location.string());
}

}  // namespace

Outcome<std::unique_ptr<FacilityEnvironment>> FacilityEnvironment::create(const AppSettings& settings,
                                                                          std::filesystem::path settingsPath,
                                                                          const Clock& clock) {
    auto codes = app::loadCodeTables();
    if (!codes) return codes.problem();
    auto dated = app::loadDatedSettings();
    if (!dated) return dated.problem();
    try {
        return std::unique_ptr<FacilityEnvironment>(new FacilityEnvironment(settings, std::move(settingsPath), codes.value(), dated.value(), clock));
    } catch (const std::exception& error) {
        return Problem{"app.start", std::string("The journal could not be opened: ") + error.what()};
    }
}

FacilityEnvironment::FacilityEnvironment(AppSettings settings, std::filesystem::path settingsPath, CodeTables codes,
                                         DatedSettings dated, const Clock& clock)
    : settings_(std::move(settings)),
      settingsPath_(std::move(settingsPath)),
      codes_(std::move(codes)),
      dated_(std::move(dated)),
      clock_(clock),
      journalPath_(journalLocation(settings_)),
      journal_(openJournal(journalPath_)),
      formRenderer_(std::make_unique<WxFormRenderer>()) {
    if (!settings_.windowName.empty()) journal_->setWindow(settings_.windowName);  // else the host name
    if (usesTerminalFolders(settings_.identitySource) && !settings_.gatewayRoot.empty())
        faces_ = std::make_unique<FaceArrivals>(settings_.gatewayRoot / "face",
                                                settings_.faceTrashFolder.empty()
                                                    ? std::vector<std::filesystem::path>{}
                                                    : std::vector<std::filesystem::path>{settings_.faceTrashFolder},
                                                codes_,
                                                storage::localFolderFor(journalPath_.string()) / "face-seen.txt", clock_, nullptr);
    if (usesDirectReader(settings_.identitySource)) {
        cardTaps_ = std::make_unique<ReaderCardTaps>(clock_);
        if (!settings_.cardCheckUrl.empty())
            cardLookup_ = std::make_unique<HttpCardLookup>(settings_.cardCheckUrl, codes_,
                                                           gateway::CardCheckTrust{settings_.cardCheckCaFile, false});
    }
}

ReceptionServices FacilityEnvironment::services() {
    ReceptionServices services;
    services.context.facility = settings_.facility;
    services.context.datedSettings = dated_;
    services.context.window = journal_->window();
    services.clock = &clock_;
    services.journal = journal_.get();
    services.formRenderer = formRenderer_.get();
    services.cardLookup = cardLookup_.get();
    services.formsFolder = storage::localFolderFor(journalPath_.string()) / "forms";
    const std::string printer = settings_.printerName;
    services.printSelfDeclaration = [printer](wxWindow* parent, const SelfDeclarationForm& form) {
        previewAndPrintSelfDeclaration(parent, form, printer);
    };
    return services;
}

DeviceTargets FacilityEnvironment::deviceTargets() {
    return DeviceTargets{usesTerminalFolders(settings_.identitySource) ? settings_.gatewayRoot : std::filesystem::path(),
                         usesDirectReader(settings_.identitySource),
                         storage::isServerLocation(journalPath_.string()) ? std::filesystem::path() : journalPath_,
                         storage::isServerLocation(journalPath_.string()) ? journalPath_.string() : std::string()};
}

std::optional<MedicalInfoFolders> FacilityEnvironment::medicalInfoFolders() {
    if (!usesTerminalFolders(settings_.identitySource) || settings_.gatewayRoot.empty()) return std::nullopt;
    return MedicalInfoFolders{terminalFolders(settings_), settings_.facility.medicalInstitutionCode,
                              gateway::requestEncodingFromName(settings_.requestEncoding)
                                  .value_or(gateway::RequestEncoding::FollowResults)};
}

void FacilityEnvironment::startArrivals(BackgroundWork& work, std::function<void(Arrival)> deliver,
                                        BackgroundWork::Failure failed) {
    if (cardTaps_)
        work.watch<Arrival>([taps = cardTaps_.get()](std::stop_token stop, const auto& emit) { taps->watch(stop, emit); },
                            deliver, failed);
    if (faces_)
        work.watch<Arrival>([faces = faces_.get(), watch = folderWatchMode(settings_)](
                                std::stop_token stop, const auto& emit) { faces->watch(stop, emit, watch); },
                            deliver, failed);
}

}  // namespace madoguchi::gui
