#include "gui/status/device_status_bar.h"

#include <Poco/Logger.h>

#include <wx/dcbuffer.h>
#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "gui/status/check_text.h"

namespace madoguchi::gui {
namespace {

constexpr int kIndicatorWidth = 170;

DeviceCheck notUsed() { return DeviceCheck{Health::NotUsed, {}, {}, {}, {}}; }

// The English sentence for the log (the log is read by whoever maintains the PC).
std::string logLine(Device device, const DeviceCheck& check) {
    std::string problem = check.problem;
    if (const auto at = problem.find("%s"); at != std::string::npos) problem.replace(at, 2, check.subject);
    const char* names[] = {"terminal folders", "card reader", "journal"};
    return std::string(names[static_cast<size_t>(device)]) + " failing: " + problem;
}

// `server`: the site server's probe when the journal is there (kept from check to check).
DeviceCheck journalCheck(const DeviceTargets& targets, storage::ServerProbe* server) {
    if (server) return checkJournalServer(*server);
    return targets.journalPath.empty() ? notUsed() : checkJournal(targets.journalPath);
}

}  // namespace

DeviceIndicator::DeviceIndicator(wxWindow* parent, const wxString& label)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(kIndicatorWidth - 8, -1), wxWANTS_CHARS), label_(label) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetCursor(wxCursor(wxCURSOR_HAND));
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
    Bind(wxEVT_LEFT_UP, [this](wxMouseEvent&) {
        if (onOpen) onOpen();
    });
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if ((event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_SPACE) && onOpen)
            onOpen();
        else
            event.Skip();
    });
    show(check_);
}

void DeviceIndicator::show(const DeviceCheck& check) {
    check_ = check;
    const wxString state = check.health == Health::NotUsed ? _("not used")
                           : check.problem.empty()          ? _("works")
                                                            : problemText(check);
    SetToolTip(label_ + ": " + state);
    Refresh();
}

void DeviceIndicator::paint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    const wxSize size = GetClientSize();
    const int diameter = std::min(12, size.y - 4);
    dc.SetBrush(wxBrush(healthColour(check_.health)));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawEllipse(2, (size.y - diameter) / 2, diameter, diameter);
    dc.SetTextForeground(GetParent()->GetForegroundColour());
    dc.SetFont(GetParent()->GetFont());
    const wxSize text = dc.GetTextExtent(label_);
    dc.DrawText(label_, diameter + 8, (size.y - text.y) / 2);
}

wxString DeviceStatusBar::deviceLabel(Device device) {
    switch (device) {
        case Device::TerminalFolders: return _("Terminal folders");
        case Device::CardReader: return _("Card reader");
        case Device::Journal: return _("Journal");
    }
    return {};
}

DeviceStatusBar::DeviceStatusBar(wxFrame* parent, DeviceTargets targets, BackgroundWork& work, Notice notice,
                                 std::chrono::milliseconds interval)
    : wxStatusBar(parent, wxID_ANY), notice_(std::move(notice)) {
    SetName("device_status_bar");
    const int widths[] = {-1, kIndicatorWidth, kIndicatorWidth, kIndicatorWidth};
    SetFieldsCount(4, widths);
    for (Device device : kDevices) {
        auto* indicator = new DeviceIndicator(this, deviceLabel(device));
        indicator->onOpen = [this, device] { openDetails(device); };
        indicators_[static_cast<size_t>(device)] = indicator;
    }
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        placeIndicators();
    });
    placeIndicators();
    work.watch<Round>(
        [targets, interval](std::stop_token stop, const std::function<void(Round)>& emit) {
            std::unique_ptr<storage::ServerProbe> server;
            if (!targets.journalServer.empty()) server = std::make_unique<storage::ServerProbe>(targets.journalServer);
            do {
                Round round{targets.terminalRoot.empty() ? notUsed()
                                                         : checkTerminalFolders(targets.terminalRoot, FolderTest::LookOnly),
                            targets.readerUsed ? checkCardReaders(true) : notUsed(),
                            journalCheck(targets, server.get())};
                emit(std::move(round));
            } while (waitUnlessStopped(stop, interval));
        },
        [this](Round round) { receive(std::move(round)); },
        [this](std::exception_ptr error) { SetStatusText(wxString::FromUTF8(describeFailure(error))); });
}

void DeviceStatusBar::placeIndicators() {
    for (Device device : kDevices) {
        wxRect field;
        const int index = static_cast<int>(device) + 1;
        if (GetFieldRect(index, field)) indicator(device)->SetSize(field.Deflate(2, 1));
    }
}

void DeviceStatusBar::receive(Round round) {
    ++checksSeen_;
    for (Device device : kDevices) {
        DeviceCheck& check = round[static_cast<size_t>(device)];
        const bool turnedRed = check.health == Health::Failing && health(device) != Health::Failing;
        indicator(device)->show(check);
        if (!turnedRed) continue;
        Poco::Logger::get("madoguchi.devices").error(logLine(device, check));
        if (notice_) notice_(deviceLabel(device) + ": " + problemText(check) + " " + remedyText(check));
    }
}

void DeviceStatusBar::openDetails(Device device) {
    const DeviceCheck& check = indicator(device)->check();
    const wxString text = check.health == Health::NotUsed ? _("This window does not use it.") : fullText(check);
    wxMessageBox(text, deviceLabel(device),
                 wxOK | (check.health == Health::Failing ? wxICON_ERROR : wxICON_INFORMATION), GetParent());
}

}  // namespace madoguchi::gui
