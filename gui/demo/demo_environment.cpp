#include "gui/demo/demo_environment.h"

#include <cstdlib>
#include <random>
#include <stdexcept>
#include <vector>

#include <wx/intl.h>

#include "app/resources.h"
#include "gui/app/terminal_folders.h"
#include "gui/demo/demo_panel.h"
#include "gui/forms/self_declaration_printer.h"
#include "storage/staff_accounts.h"

namespace madoguchi::gui {
namespace {

std::filesystem::path makeTempRoot() {
#ifdef _WIN32
    // No mkdtemp: a folder with a random name (create_directory refuses one that exists); the
    // user's %TEMP% is private to the user.
    std::random_device random;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const auto candidate = std::filesystem::temp_directory_path() / ("madoguchi-demo-" + std::to_string(random()));
        std::error_code ec;
        if (std::filesystem::create_directory(candidate, ec)) return candidate;
    }
    return {};
#else
    std::string pattern = (std::filesystem::temp_directory_path() / "madoguchi-demo-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) == nullptr) return {};
    return buffer.data();
#endif
}

constexpr auto kLookupTimeout = std::chrono::seconds(5);

}  // namespace

Outcome<std::unique_ptr<DemoEnvironment>> DemoEnvironment::create(std::filesystem::path root, FacilityKind kind,
                                                                  FacilityMode mode) {
    auto codes = app::loadCodeTables();
    if (!codes) return codes.problem();
    auto dated = app::loadDatedSettings();
    if (!dated) return dated.problem();
    auto dataset = gateway::DemoDataset::load(app::resourcePath("demo/oqs_dataset.json"), codes.value());
    if (!dataset) return dataset.problem();
    if (root.empty()) root = makeTempRoot();
    if (root.empty()) return Problem{"demo.folder", "The demo could not create its temporary folder."};
    try {
        const gateway::FolderLayout layout{root / "gateway"};
        for (const auto& folder : {layout.req(), layout.res(), layout.face()}) std::filesystem::create_directories(folder);
        return std::unique_ptr<DemoEnvironment>(
            new DemoEnvironment(root, kind, mode, codes.value(), dated.value(), std::move(dataset).value()));
    } catch (const std::exception& error) {
        return Problem{"demo.start", std::string("The demo could not start: ") + error.what()};
    }
}

DemoEnvironment::DemoEnvironment(std::filesystem::path root, FacilityKind kind, FacilityMode mode, CodeTables codes, DatedSettings dated,
                                 gateway::DemoDataset dataset)
    : root_(std::move(root)),
      kind_(kind),
      mode_(mode),
      codes_(std::move(codes)),
      dated_(std::move(dated)),
      dataset_(std::move(dataset)),
      layout_{root_ / "gateway"},
      clock_(systemClock_, dataset_.demoToday().value_or(systemClock_.now().date)),
      journal_(std::make_unique<storage::FacilityJournal>((root_ / "journal.sqlite").string(), root_ / "audit.key")),
      gateway_(layout_, dataset_.medicalInstitutionCode(), codes_, clock_),
      simulator_(layout_, dataset_, codes_, clock_),
      cards_(root_ / "cards"),
      lookup_(gateway_, dataset_, clock_, kLookupTimeout,
              [this](const GatewayAnswer& late) { keepLateAnswer(late); }),
      formRenderer_(std::make_unique<WxFormRenderer>()) {
    settings_.facility = services().context.facility;
    settings_.gatewayRoot = layout_.root;
    settings_.journalPath = root_ / "journal.sqlite";
    faces_ = std::make_unique<FaceArrivals>(layout_.face(), std::vector<std::filesystem::path>{}, codes_,
                                            root_ / "face-seen.txt", clock_,
                                            [this](const EligibilityResult& result) { return patientNumberFor(result); });
}

DemoEnvironment::~DemoEnvironment() {
    journal_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
}

ReceptionServices DemoEnvironment::services() {
    ReceptionServices services;
    services.context.facility =
        FacilitySettings{dataset_.medicalInstitutionCode(), kind_ == FacilityKind::Pharmacy ? "窓口デモ薬局" : "窓口デモ診療所",
                         kind_, mode_, false};
    services.context.datedSettings = dated_;
    services.clock = &clock_;
    services.journal = journal_.get();
    services.cardLookup = &lookup_;
    services.formRenderer = formRenderer_.get();
    services.formsFolder = root_ / "forms";
    services.printSelfDeclaration = [](wxWindow* parent, const SelfDeclarationForm& form) {
        previewAndPrintSelfDeclaration(parent, form);
    };
    services.demo = true;
    return services;
}

void DemoEnvironment::startArrivals(BackgroundWork& work, std::function<void(Arrival)> deliver,
                                    BackgroundWork::Failure failed) {
    work_ = &work;
    deliver_ = deliver;
    failed_ = failed;
    work.watch<GatewayAnswer>([this](std::stop_token stop, const auto& emit) { runSimulator(stop, emit); },
                              [this](GatewayAnswer late) { attachLateAnswer(std::move(late)); }, failed);
    work.watch<Arrival>([faces = faces_.get(), watch = folderWatchMode(settings_)](
                            std::stop_token stop, const auto& emit) { faces->watch(stop, emit, watch); },
                        std::move(deliver), std::move(failed));
}

void DemoEnvironment::runSimulator(const std::stop_token& stop, const std::function<void(GatewayAnswer)>& emit) {
    for (int round = 1; waitUnlessStopped(stop, std::chrono::milliseconds(40)); ++round) {
        {
            std::lock_guard lock(simulatorMutex_);
            simulator_.serveOnce();
        }
        if (round % 25 != 0) continue;  // about once a second
        lookup_.collectLateAnswers();
        std::vector<GatewayAnswer> late;
        {
            std::lock_guard lock(lateMutex_);
            late.swap(lateAnswers_);
        }
        for (auto& answer : late) emit(std::move(answer));
    }
}

void DemoEnvironment::keepLateAnswer(const GatewayAnswer& answer) {
    if (answer.requestId.empty()) return;
    std::lock_guard lock(lateMutex_);
    lateAnswers_.push_back(answer);
}

void DemoEnvironment::attachLateAnswer(GatewayAnswer answer) {
    const LocalDateTime now = clock_.now();
    const bool attached = answer.result ? bool(journal_->attachLateAnswer(answer.requestId, *answer.result, answer.rawXml, now))
                                        : bool(journal_->closeRejectedRequest(answer.requestId, answer.failure, now));
    if (!attached) keepLateAnswer(answer);  // its visit is still at the window: try again next round
}

void DemoEnvironment::prepareStaffAccounts() {
    if (staffPrepared_) return;
    staffPrepared_ = true;
    std::string password = kDemoStaffPassword;
    storage::createStaff(journal_->database(), demoMember(), password);
}

wxString DemoEnvironment::signInHint() const {
    return wxString::Format(_("Demo: staff ID %s, password %s"), kDemoStaffId, kDemoStaffPassword);
}

wxWindow* DemoEnvironment::makeDemoPanel(wxWindow* parent) { return new DemoPanel(parent, *this); }

void DemoEnvironment::tapCard(const std::string& personId) {
    const gateway::DemoPerson* person = dataset_.byId(personId);
    if (!person || !work_) return;
    work_->run<Arrival>(
        [this, person](std::stop_token) {
            auto card = cards_.tap(*person);
            if (!card) throw std::runtime_error(card.problem().message);
            Arrival arrival;
            arrival.kind = Arrival::Kind::CardTap;
            arrival.at = clock_.now();
            arrival.card = card.value();
            arrival.patientId = person->id;
            return arrival;
        },
        deliver_, failed_);
}

Outcome<std::string> DemoEnvironment::dropFaceResult(const std::string& personId, IdentityMethod method) {
    std::lock_guard lock(simulatorMutex_);
    return simulator_.dropFaceResult(personId, method);
}

std::string DemoEnvironment::patientNumberFor(const EligibilityResult& result) const {
    if (result.results.empty()) return {};
    const auto& q = result.results.front();
    for (const auto& person : dataset_.people())
        if (person.record().nameKana == q.nameKana && person.record().birthdate == q.birthdate) return person.id;
    return {};
}

}  // namespace madoguchi::gui
