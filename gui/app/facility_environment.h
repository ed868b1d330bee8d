#pragma once
// The facility's real set-up from AppSettings: the journal file, the certified reader's face/
// folder, the 申立書 printer. (The direct reader with the HTTP card check plugs in through
// ReceptionServices::cardLookup once it exists.)
#include <memory>

#include "app/app_settings.h"
#include "app/system_clock.h"
#include "gui/app/face_arrivals.h"
#include "gui/app/reception_environment.h"
#include "storage/visit_journal.h"

namespace madoguchi::gui {

class FacilityEnvironment : public ReceptionEnvironment {
public:
    static Outcome<std::unique_ptr<FacilityEnvironment>> create(const AppSettings& settings,
                                                                std::filesystem::path settingsPath);
    ~FacilityEnvironment() override { stop(); }
    ReceptionServices services() override;
    void startArrivals(std::function<void(Arrival)> deliver) override;
    void stop() override;
    storage::SqliteVisitJournal& journal() override { return *journal_; }
    AppSettings& settings() override { return settings_; }
    std::filesystem::path settingsPath() const override { return settingsPath_; }

private:
    FacilityEnvironment(AppSettings settings, std::filesystem::path settingsPath, CodeTables codes, DatedSettings dated);
    AppSettings settings_;
    std::filesystem::path settingsPath_;
    CodeTables codes_;
    DatedSettings dated_;
    app::SystemClock clock_;
    std::filesystem::path journalPath_;
    std::unique_ptr<storage::SqliteVisitJournal> journal_;
    std::unique_ptr<FormRenderer> formRenderer_;
    std::unique_ptr<FaceArrivals> faces_;
};

}  // namespace madoguchi::gui
