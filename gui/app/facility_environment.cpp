#include "gui/app/facility_environment.h"

#include "app/resources.h"
#include "gui/forms/self_declaration_printer.h"

namespace madoguchi::gui {
namespace {

std::unique_ptr<storage::SqliteVisitJournal> openJournal(const std::filesystem::path& path) {
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    return std::make_unique<storage::SqliteVisitJournal>(path);
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
      journalPath_(settings_.journalPath.empty() ? storage::defaultJournalPath() : settings_.journalPath),
      journal_(openJournal(journalPath_)),
      formRenderer_(std::make_unique<WxFormRenderer>()) {
    if (!settings_.windowName.empty()) journal_->setWindow(settings_.windowName);  // else the host name
    if (settings_.identitySource == IdentitySource::CertifiedReaderFolders && !settings_.gatewayRoot.empty())
        faces_ = std::make_unique<FaceArrivals>(settings_.gatewayRoot / "face",
                                                settings_.faceTrashFolder.empty()
                                                    ? std::vector<std::filesystem::path>{}
                                                    : std::vector<std::filesystem::path>{settings_.faceTrashFolder},
                                                codes_,
                                                journalPath_.parent_path() / "face-seen.txt", clock_, nullptr);
    if (settings_.identitySource == IdentitySource::DirectReader) {
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
    services.clock = &clock_;
    services.journal = journal_.get();
    services.formRenderer = formRenderer_.get();
    services.cardLookup = cardLookup_.get();
    services.formsFolder = journalPath_.parent_path() / "forms";
    const std::string printer = settings_.printerName;
    services.printSelfDeclaration = [printer](wxWindow* parent, const SelfDeclarationForm& form) {
        previewAndPrintSelfDeclaration(parent, form, printer);
    };
    return services;
}

void FacilityEnvironment::startArrivals(BackgroundWork& work, std::function<void(Arrival)> deliver,
                                        BackgroundWork::Failure failed) {
    if (cardTaps_)
        work.watch<Arrival>([taps = cardTaps_.get()](std::stop_token stop, const auto& emit) { taps->watch(stop, emit); },
                            deliver, failed);
    if (faces_)
        work.watch<Arrival>([faces = faces_.get()](std::stop_token stop, const auto& emit) { faces->watch(stop, emit); },
                            deliver, failed);
}

}  // namespace madoguchi::gui
