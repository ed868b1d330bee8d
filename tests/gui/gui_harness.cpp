#define BOOST_TEST_MODULE madoguchi_gui
#include "gui_harness.h"

#include <memory>
#include <sstream>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/window.h>

#include "child_process.h"
#include "gui/app/utf8_locale.h"

namespace madoguchi::test {
using namespace ::madoguchi::gui;  // the harness starts the window's locale and types
namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

// An Xvfb of our own when the test command did not bring a display: it picks a free display
// number itself and prints it on its standard output (-displayfd 1).
class OwnXServer {
public:
    void start() {
        server_ = std::make_unique<ChildProcess>(std::vector<std::string>{
            "Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"});
        const auto display = server_->readLine(std::chrono::seconds(60));
        if (!display || display->empty())
            throw std::runtime_error("Xvfb did not report a display within 60 s (is the xvfb package installed?)");
        setenv("DISPLAY", (":" + *display).c_str(), 1);
        unsetenv("WAYLAND_DISPLAY");
        BOOST_TEST_MESSAGE("qa_gui: started Xvfb on :" << *display);
    }
    void stop() {
        if (server_) server_->stop();
        server_.reset();
    }

private:
    std::unique_ptr<ChildProcess> server_;
};

OwnXServer ownXServer;
wxGUIEventLoop* harnessLoop = nullptr;

bool haveDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

}  // namespace

GuiEnvironment::GuiEnvironment() {
    if (!haveDisplay()) ownXServer.start();
    setenv("GDK_BACKEND", "x11", 1);
    setenv("NO_AT_BRIDGE", "1", 1);  // no accessibility bus under Xvfb
    ensureUtf8CharacterSet();
    static char arg0[] = "qa_gui";
    static char* argv[] = {arg0, nullptr};
    int argc = 1;
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv)) throw std::runtime_error("wxWidgets could not start (no X display?)");
    wxTheApp->CallOnInit();
    wxInitAllImageHandlers();
    harnessLoop = new wxGUIEventLoop;
    wxEventLoopBase::SetActive(harnessLoop);
}

GuiEnvironment::~GuiEnvironment() {
    pumpEvents();
    wxEventLoopBase::SetActive(nullptr);
    delete harnessLoop;
    harnessLoop = nullptr;
    wxEntryCleanup();
    ownXServer.stop();
}

void pumpEvents() {
    wxTheApp->ProcessPendingEvents();
    if (wxEventLoopBase* loop = wxEventLoopBase::GetActive()) {
        for (int i = 0; i < 100 && loop->Pending(); ++i) loop->Dispatch();  // X events, GTK's frame clock
        loop->YieldFor(wxEVT_CATEGORY_ALL);
    }
    wxTheApp->ProcessPendingEvents();
    wxTheApp->ProcessIdle();
}

void pumpFor(std::chrono::milliseconds duration) {
    const auto until = std::chrono::steady_clock::now() + duration;
    do {
        pumpEvents();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } while (std::chrono::steady_clock::now() < until);
}

bool pumpUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (true) {
        pumpEvents();
        if (condition()) return true;
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

std::error_code& ignoredError() {
    thread_local std::error_code error;
    return error;
}

std::filesystem::path screenshotDir() {
    const char* configured = std::getenv("MADOGUCHI_GUI_SCREENSHOTS");
    std::filesystem::path dir = configured && *configured ? configured : "gui-screenshots";
    std::filesystem::create_directories(dir);
    return std::filesystem::absolute(dir);
}

std::filesystem::path saveScreenshot(wxWindow* window, const std::string& name) {
    window->Raise();
    window->Refresh();
    window->Update();
    pumpFor(std::chrono::milliseconds(300));
    // What the X server shows in the window's rectangle (ImageMagick's import): wxScreenDC
    // under GTK 3 may hand back an older picture.
    const wxRect rect = window->GetScreenRect();
    const auto path = screenshotDir() / (name + ".png");
    std::ostringstream command;
    command << "import -silent -window root -crop " << rect.width << "x" << rect.height << "+" << rect.x << "+"
            << rect.y << " +repage '" << path.string() << "'";
    // A screenshot that could not be taken fails the test that asked for it.
    const bool taken = std::system(command.str().c_str()) == 0 && std::filesystem::file_size(path, ignoredError()) > 0;
    BOOST_CHECK_MESSAGE(taken, "screenshot " << name << " could not be taken (is ImageMagick installed?): " << path.string());
    if (!taken) return {};
    BOOST_TEST_MESSAGE("screenshot: " << path.string());
    return path;
}

BOOST_TEST_GLOBAL_FIXTURE(GuiEnvironment);

}  // namespace madoguchi::test
