#pragma once
// The reception window's status bar with the devices always in sight: the terminal's folders,
// the card reader and the journal as small labelled indicators (green: works, amber: works but
// needs attention, red: broken, grey: not used here). They are checked on the window's
// BackgroundWork every few seconds, never on the GUI thread; a click (or Enter on a focused
// indicator) opens what is wrong and what to do. A change to red is logged (Poco logger
// "madoguchi.devices") and handed once to the window as a notice.
#include <array>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include <wx/panel.h>
#include <wx/statusbr.h>

#include "gui/app/background_work.h"
#include "gui/status/device_checks.h"

class wxFrame;

namespace madoguchi::gui {

enum class Device { TerminalFolders, CardReader, Journal };
inline constexpr std::array kDevices{Device::TerminalFolders, Device::CardReader, Device::Journal};

// What this window depends on (from the settings, or the demo's simulator).
struct DeviceTargets {
    std::filesystem::path terminalRoot;  // empty: the folders are not used
    bool readerUsed = false;             // our own PC/SC reader identifies patients
    std::filesystem::path journalPath;   // the journal file; empty: a server journal or none
    std::string journalServer;           // the site server's postgresql:// URI; empty: none
};

class DeviceIndicator : public wxPanel {
public:
    DeviceIndicator(wxWindow* parent, const wxString& label);
    void show(const DeviceCheck& check);
    const DeviceCheck& check() const { return check_; }
    std::function<void()> onOpen;

private:
    void paint();
    wxString label_;
    DeviceCheck check_{Health::NotUsed, {}, {}, {}, {}};
};

class DeviceStatusBar : public wxStatusBar {
public:
    using Notice = std::function<void(const wxString&)>;
    DeviceStatusBar(wxFrame* parent, DeviceTargets targets, BackgroundWork& work, Notice notice,
                    std::chrono::milliseconds interval = std::chrono::seconds(3));

    DeviceIndicator* indicator(Device device) const { return indicators_[static_cast<size_t>(device)]; }
    Health health(Device device) const { return indicator(device)->check().health; }
    int checksSeen() const { return checksSeen_; }  // rounds of checks received (tests wait on it)
    // The dialog saying what is wrong and what to do (modal).
    void openDetails(Device device);
    static wxString deviceLabel(Device device);

private:
    using Round = std::array<DeviceCheck, 3>;
    void receive(Round round);
    void placeIndicators();

    Notice notice_;
    std::array<DeviceIndicator*, 3> indicators_{};
    int checksSeen_ = 0;
};

}  // namespace madoguchi::gui
