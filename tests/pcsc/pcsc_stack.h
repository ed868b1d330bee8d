#pragma once
// The real PC/SC stack for one test: a temporary folder, pcscd in the foreground with a private
// reader configuration (the vpcd driver on a free port), virtual cards from `madoguchi-cli sim
// card`, and a demo CA that issues their certificates. Everything is stopped in the destructor.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "devices/card/apdu.h"

namespace madoguchi::test {

namespace fs = std::filesystem;

class ChildProcess {
public:
    ChildProcess(const std::vector<std::string>& argv, const fs::path& output);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    void signal(int number) const;
    int stop();  // SIGTERM, then waits (SIGKILL after 5 s); returns the exit status
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
};

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
    void waitForReader(bool withReader) const;
    void waitForCardState(bool present) const;
    fs::path dir_;
    int port_ = 0;
    std::unique_ptr<ChildProcess> pcscd_;
    std::unique_ptr<ChildProcess> card_;
};

// Reads stdout of a command (for OpenSC tools); returns the exit status in `status`.
std::string runAndCapture(const std::vector<std::string>& argv, int& status);

card::Bytes pemCertificateToDer(const std::string& pem);

}  // namespace madoguchi::test
