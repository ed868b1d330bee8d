#pragma once
// The facility's real set-up from AppSettings: the journal file, the certified reader's face/
// folder or the direct PC/SC reader with the direct card check over HTTP (settings.cardCheckUrl;
// without a URL a card tap is read and its holder identified, and the session takes the fallback
// for the eligibility), the 申立書 printer.
#include <memory>

#include "app/app_settings.h"
#include "gui/app/face_arrivals.h"
#include "gui/app/reader_card_taps.h"
#include "gui/app/reception_environment.h"
#include "gui/reception/http_card_lookup.h"
#include "storage/visit_journal.h"

namespace madoguchi::gui {

class FacilityEnvironment : public ReceptionEnvironment {
public:
    // The clock comes from the composition root (the machine's clock in madoguchi) and must
    // outlive the environment.
    static Outcome<std::unique_ptr<FacilityEnvironment>> create(const AppSettings& settings,
                                                                std::filesystem::path settingsPath, const Clock& clock);
    ReceptionServices services() override;
    void startArrivals(BackgroundWork& work, std::function<void(Arrival)> deliver,
                       BackgroundWork::Failure failed) override;
    storage::FacilityJournal& journal() override { return *journal_; }
    AppSettings& settings() override { return settings_; }
    std::filesystem::path settingsPath() const override { return settingsPath_; }
    const Clock& clock() const override { return clock_; }
    DeviceTargets deviceTargets() override;
    std::optional<MedicalInfoFolders> medicalInfoFolders() override;

private:
    FacilityEnvironment(AppSettings settings, std::filesystem::path settingsPath, CodeTables codes, DatedSettings dated,
                        const Clock& clock);
    AppSettings settings_;
    std::filesystem::path settingsPath_;
    CodeTables codes_;
    DatedSettings dated_;
    const Clock& clock_;
    std::filesystem::path journalPath_;
    std::unique_ptr<storage::FacilityJournal> journal_;
    std::unique_ptr<FormRenderer> formRenderer_;
    std::unique_ptr<FaceArrivals> faces_;
    std::unique_ptr<ReaderCardTaps> cardTaps_;
    std::unique_ptr<HttpCardLookup> cardLookup_;
};

}  // namespace madoguchi::gui
