#pragma once
// The real PC/SC stack for one test: a temporary folder, pcscd in the foreground with a private
// reader configuration (the vpcd driver on a port the kernel picked) and a private socket (its
// /run/pcscd is a folder of this test run, in a private mount namespace; PCSCLITE_CSOCK_NAME points
// this process and its children at it), virtual cards from
// `madoguchi-cli sim card`, and a demo CA that issues their certificates. Two test runs on one
// machine never meet each other's pcscd. Everything is stopped in the destructor.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "child_process.h"
#include "temp_folder.h"
#include "devices/card/apdu.h"

namespace madoguchi::test {

namespace fs = std::filesystem;

// The day the pcsc suites' virtual cards and the simulator's card check are dated against
// (`sim oqs --today`), so the suite answers the same on any date.
inline constexpr const char* kStackToday = "2026-11-25";

struct Person {
    std::string id, cardSerial, notAfter;  // decimal serial, YYYY-MM-DD
};

class PcscStack {
public:
    // withReader=false: pcscd runs with no reader configured at all.
    explicit PcscStack(bool withReader = true);
    ~PcscStack();

    const fs::path& dir() const { return dir_; }
    int vpcdPort() const { return port_; }
    // Writes a dataset with these people and generates their profiles with the CLI.
    void makeProfiles(const std::vector<Person>& people);
    fs::path profile(const std::string& id) const { return dir_ / "cards" / (id + ".json"); }
    // Starts the virtual card for `id` and waits until pcscd sees it.
    ChildProcess& insert(const std::string& id, const std::vector<std::string>& extra = {});
    void removeCard();  // stops the virtual card process
    void stopPcscd();
    std::string cli() const;
    std::string testCardTool() const;  // madoguchi-testcard (tests/tools), never installed
    fs::path caCertificate() const { return dir_ / "ca.cert.pem"; }

private:
    bool readerCameUp(bool withReader) const;  // within a generous limit
    void waitForCardState(bool present) const;
    TempFolder folder_;
    fs::path dir_;
    fs::path socket_;
    int port_ = 0;
    std::unique_ptr<ChildProcess> pcscd_;
    std::unique_ptr<ChildProcess> card_;
};

// Reads stdout of a command (for OpenSC tools); returns the exit status in `status`.
std::string runAndCapture(const std::vector<std::string>& argv, int& status);

card::Bytes pemCertificateToDer(const std::string& pem);

}  // namespace madoguchi::test
