#include "gui/status/device_checks.h"

#include <fcntl.h>
#include <unistd.h>
#ifdef _WIN32
#include <io.h>
#endif

#include <system_error>

#include "devices/card/pcsc_reader.h"
#include "devices/gateway/folder_safety.h"
#include "domain/outcome.h"
#include "platform/posix_files.h"
#include "storage/open_database.h"

namespace madoguchi::gui {
namespace {

namespace fs = std::filesystem;

constexpr unsigned long long kLowDiskBytes = 200ull * 1024 * 1024;

DeviceCheck failing(const char* problem, const char* remedy, const fs::path& subject) {
    return DeviceCheck{Health::Failing, problem, remedy, subject.string(), {}};
}

// Creates and removes a small file in `folder`; false when the folder takes no new file.
bool probeWrite(const fs::path& folder) {
    const fs::path probe = folder / (".madoguchi-probe-" + std::to_string(::getpid()) + ".tmp");
    const int fd = ::open(probe.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    const bool written = ::write(fd, "probe", 5) == 5;
    const bool closed = ::close(fd) == 0;
    const bool removed = ::unlink(probe.c_str()) == 0;
    return written && closed && removed;
}

// The quick check (no file written): Linux asks the permission bits; Windows knows only the
// read-only flag here (the share's ACL decides, and the probe finds that out).
bool writableByMode(const fs::path& folder) {
#ifdef _WIN32
    return ::_waccess(folder.c_str(), W_OK) == 0;
#else
    return ::access(folder.c_str(), W_OK) == 0;
#endif
}

bool listable(const fs::path& folder) {
    std::error_code ec;
    fs::directory_iterator entries(folder, ec);
    for (; !ec && entries != fs::directory_iterator(); entries.increment(ec)) {
    }
    return !ec;
}

bool isFolder(const fs::path& folder) {
    std::error_code ec;
    return fs::is_directory(folder, ec);
}

}  // namespace

DeviceCheck checkTerminalFolders(const fs::path& root, FolderTest test) {
    const char* checkShare = N_("Check that the eligibility terminal is on and that its shared folder is mounted on "
                                "this PC (for example the share //oqs-terminal/oqs mounted at /mnt/oqs), then test again.");
    if (root.empty())
        return failing(N_("No folder shared with the eligibility terminal is set."),
                       N_("Enter the folder where the terminal's share is mounted on this PC."), root);
    if (!isFolder(root)) return failing(N_("The terminal's folder %s cannot be reached."), checkShare, root);
    for (const char* name : {"req", "res", "face"})
        if (!isFolder(root / name))
            return failing(N_("The folder %s is missing."),
                           N_("The terminal's shared folder holds req/, res/ and face/: choose the folder that contains "
                              "all three, or ask the terminal's vendor to create them."),
                           root / name);
    const bool writable = test == FolderTest::Probe ? probeWrite(root / "req") : writableByMode(root / "req");
    if (!writable)
        return failing(N_("Madoguchi cannot write into %s."),
                       N_("Ask whoever set up the share to give this PC's account write access to req/."), root / "req");
    for (const char* name : {"face", "res"})
        if (!listable(root / name))
            return failing(N_("Madoguchi cannot read the folder %s."),
                           N_("Ask whoever set up the share to give this PC's account read access to face/ and res/."),
                           root / name);
    DeviceCheck check;
    check.details = gateway::folderSafetyWarnings(gateway::FolderLayout{root});
    if (!check.details.empty()) {
        check.health = Health::Warning;
        check.problem = N_("The folders work, but their permissions need attention.");
        check.remedy = N_("Allow only this PC's account and the terminal's to write into the folders.");
    }
    return check;
}

DeviceCheck checkCardReaders(bool required) {
    const Health missing = required ? Health::Failing : Health::Warning;
    auto context = card::PcscContext::establish();
    if (!context)
        return DeviceCheck{missing, N_("The card reader service (pcscd) is not running."),
                           required ? N_("Start it (sudo systemctl start pcscd.socket), or reconnect the reader and "
                                         "test again.")
                                    : N_("Identity comes from the certified reader's folders, so the window works "
                                         "without a reader of its own."),
                           "pcscd",
                           {}};
    auto readers = context.value()->listReaders();
    if (!readers || readers.value().empty())
        return DeviceCheck{missing, N_("No card reader is connected."),
                           required ? N_("Plug the card reader into this PC (USB), wait a few seconds and test again.")
                                    : N_("Identity comes from the certified reader's folders, so the window works "
                                         "without a reader of its own."),
                           "",
                           {}};
    DeviceCheck check;
    check.details = readers.value();
    return check;
}

DeviceCheck checkJournal(const fs::path& journalPath) {
    const fs::path folder = journalPath.has_parent_path() ? journalPath.parent_path() : fs::path(".");
    if (!isFolder(folder))
        return failing(N_("The journal's folder %s does not exist."),
                       N_("Create the folder or choose another one; on a removable or network disk, connect it first."),
                       folder);
    const char* fixRights = N_("Give this PC's account write access to the folder, or choose a folder on this PC.");
    if (!probeWrite(folder)) return failing(N_("The journal's folder %s takes no new file."), fixRights, folder);
    std::error_code ec;
    if (fs::exists(journalPath, ec)) {
        const int fd = ::open(journalPath.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) return failing(N_("The journal %s cannot be written."), fixRights, journalPath);
        ::close(fd);
    }
    const fs::space_info disk = fs::space(folder, ec);
    if (!ec && disk.available < kLowDiskBytes)
        return DeviceCheck{Health::Warning, N_("The disk holding the journal %s is nearly full."),
                           N_("Free some space on that disk: the journal stops taking visits when it is full."),
                           journalPath.string(),
                           {}};
    return {};
}

DeviceCheck checkJournalServer(storage::ServerProbe& probe) {
    return journalServerCheck(probe.check(), storage::displayLocation(probe.uri()));
}

DeviceCheck journalServerCheck(const storage::ServerCheck& found, const std::string& subject) {
    using storage::ServerReach;
    auto check = [&](Health health, const char* problem, const char* remedy) {
        DeviceCheck result{health, problem, remedy, subject, {}};
        if (!found.detail.empty()) result.details.push_back(found.detail);
        return result;
    };
    switch (found.reach) {
        case ServerReach::Ready: return {};
        case ServerReach::EmptyDatabase:
            return check(Health::Warning, N_("The site server %s holds no journal yet."),
                         N_("Madoguchi creates it when it starts with this address, or run "
                            "madoguchi-cli journal migrate with this address once."));
        case ServerReach::SchemaOlder:
            return check(Health::Warning, N_("The journal on the site server %s has an older schema than this Madoguchi."),
                         N_("Run madoguchi-cli journal migrate with this address once (an administrator), then test "
                            "again."));
        case ServerReach::SchemaNewer:
            return check(Health::Failing, N_("The journal on the site server %s was written by a newer Madoguchi."),
                         N_("Update Madoguchi on this PC to the version the other windows use."));
        case ServerReach::PasswordNeeded:
            return check(Health::Failing, N_("The site server %s asks for a password."),
                         N_("Type the password in Settings › Journal and site server and test the connection: it is "
                            "saved in this account's password file (~/.pgpass), never in the settings."));
        case ServerReach::WrongPassword:
            return check(Health::Failing, N_("The site server %s refused the user name or the password."),
                         N_("Check the user name, type the password again and test the connection."));
        case ServerReach::TlsFailed:
            return check(Health::Failing, N_("The secure connection (TLS) to the site server %s failed."),
                         N_("Check the CA certificate file and that the server's certificate names the host this PC "
                            "connects to (docs/site.md, TLS)."));
        case ServerReach::Unreachable:
            return check(Health::Failing, N_("The site server %s does not answer."),
                         N_("Check the host name and the port, the network, and that the server is running. The "
                            "window keeps new visits until it answers."));
        case ServerReach::Refused:
            return check(Health::Failing, N_("The site server %s refused the connection."),
                         N_("Check the database name and that the server's pg_hba.conf lets this PC in (docs/site.md)."));
        case ServerReach::BadAddress:
            return check(Health::Failing, N_("The site server's address %s is not valid."),
                         N_("Correct the address in Settings › Journal and site server."));
        case ServerReach::EngineMissing:
            return check(Health::Failing, N_("This PC's Madoguchi cannot connect to the site server %s: its server engine is not installed."),
                         N_("Reinstall Madoguchi on this PC (the package installs libmadoguchi-postgres.so beside the "
                            "program)."));
    }
    return {};
}

}  // namespace madoguchi::gui
