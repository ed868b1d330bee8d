#define BOOST_TEST_MODULE madoguchi_gui
#include "gui_harness.h"

#include <csignal>
#include <sstream>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/window.h>

#include "gui/app/utf8_locale.h"

namespace madoguchi::gui::test {
namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

// An Xvfb of our own when the test command did not bring a display.
class OwnXServer {
public:
    void start() {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe() failed");
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork() failed");
        if (pid_ == 0) {
            close(fds[0]);
            const std::string fd = std::to_string(fds[1]);
            execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
                   static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        std::string display;
        char c = 0;
        while (read(fds[0], &c, 1) == 1 && c != '\n') display += c;
        close(fds[0]);
        if (display.empty()) throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
        setenv("DISPLAY", (":" + display).c_str(), 1);
        unsetenv("WAYLAND_DISPLAY");
        BOOST_TEST_MESSAGE("qa_gui: started Xvfb on :" << display);
    }
    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    pid_t pid_ = -1;
};

OwnXServer ownXServer;
wxGUIEventLoop* harnessLoop = nullptr;

bool haveDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

}  // namespace

// The audit key lives beside the settings ($XDG_CONFIG_HOME/madoguchi): a folder private to this
// run, so no test reads or writes the user's own key.
static std::filesystem::path privateConfigFolder() {
    static const std::filesystem::path folder = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "madoguchi-gui-config-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        return std::filesystem::path(pattern);
    }();
    return folder;
}

GuiEnvironment::GuiEnvironment() {
    setenv("XDG_CONFIG_HOME", privateConfigFolder().c_str(), 1);
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
    std::error_code ignored;
    std::filesystem::remove_all(privateConfigFolder(), ignored);
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
    if (std::system(command.str().c_str()) != 0) {
        BOOST_TEST_MESSAGE("screenshot failed (is ImageMagick installed?): " << path.string());
        return {};
    }
    BOOST_TEST_MESSAGE("screenshot: " << path.string());
    return path;
}

TempFolder::TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "madoguchi-gui-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = buffer.data();
}

TempFolder::~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

BOOST_TEST_GLOBAL_FIXTURE(GuiEnvironment);

}  // namespace madoguchi::gui::test
