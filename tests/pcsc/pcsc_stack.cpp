#include "pcsc_stack.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "devices/card/pcsc_reader.h"
#include "temp_folder.h"

namespace madoguchi::test {

namespace {

// A port the kernel picked as free (bound to port 0). vpcd opens its own listening socket inside
// pcscd, so the reservation ends here; waitForReader() then proves vpcd got the port (its reader
// is listed), and PcscStack retries with a new port when another program took it in between.
int kernelPickedPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    socklen_t length = sizeof(address);
    const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
                    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    close(fd);
    if (!ok) throw std::runtime_error("the kernel gave no free port");
    return ntohs(address.sin_port);
}

// pcscd 1.9 always makes its socket in /run/pcscd, whatever PCSCLITE_CSOCK_NAME says (only the
// client reads it, once per process). So each test run gets a folder of its own that pcscd sees as
// /run/pcscd in a private mount namespace, and this process and its children (the CLI) are pointed
// at the socket in it. This process's stacks share the folder: they run one after the other.
const fs::path& privateRunFolder() {
    static const TempFolder folder("madoguchi-pcscd");
    static const bool pointed = setenv("PCSCLITE_CSOCK_NAME", (folder / "pcscd.comm").c_str(), 1) == 0;
    if (!pointed) throw std::runtime_error("cannot set PCSCLITE_CSOCK_NAME");
    return folder.path();
}

std::string pcscdProgram() {
    for (const char* path : {"/usr/sbin/pcscd", "/sbin/pcscd", "/usr/local/sbin/pcscd"})
        if (fs::exists(path)) return path;
    return "pcscd";
}

// pcscd in its own mount namespace with the private folder on /run/pcscd (root, or an
// unprivileged user namespace where the kernel allows them). /run is a fresh tmpfs after a boot:
// /run/pcscd exists only once a pcscd has run, so the mount point is made first.
std::vector<std::string> privatePcscdCommand(const fs::path& conf) {
    std::vector<std::string> command{"unshare", "--mount", "--propagation", "private"};
    if (geteuid() != 0) command.push_back("--map-root-user");
    const std::vector<std::string> rest{"sh", "-c", "mkdir -p /run/pcscd && mount --bind \"$1\" /run/pcscd && exec \"$2\" --foreground -c \"$3\"",
                                        "sh", privateRunFolder().string(), pcscdProgram(), conf.string()};
    command.insert(command.end(), rest.begin(), rest.end());
    return command;
}


void writeFile(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
}

// The project's demo CA (resources/demo/ca): the gateway simulator trusts it by default.
void provideCa(const fs::path& dir) {
    const fs::path demo = fs::path(MADOGUCHI_RESOURCES_DIR) / "demo" / "ca";
    fs::copy_file(demo / "demo_ca.key.pem", dir / "ca.key.pem");
    fs::copy_file(demo / "demo_ca.cert.pem", dir / "ca.cert.pem");
}

}  // namespace

PcscStack::PcscStack(bool withReader) : folder_("madoguchi-pcsc"), dir_(folder_.path()) {
    socket_ = privateRunFolder() / "pcscd.comm";
    provideCa(dir_);
    const auto conf = dir_ / "reader.conf.d";
    fs::create_directories(conf);
    for (int attempt = 1;; ++attempt) {
        port_ = kernelPickedPort();
        if (withReader) {
            std::ostringstream vpcd;
            vpcd << "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME   /dev/null:0x" << std::hex << port_
                 << "\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID    0x" << port_ << '\n';
            writeFile(conf / "vpcd", vpcd.str());
        }
        pcscd_ = std::make_unique<ChildProcess>(privatePcscdCommand(conf), dir_ / "pcscd.log");
        if (readerCameUp(withReader)) return;
        pcscd_->stop();
        if (attempt == 3)
            throw std::runtime_error((withReader ? "pcscd (private socket " + socket_.string() +
                                                       ") shows no vpcd reader after 3 ports; see "
                                                 : "pcscd did not come up; see ") +
                                     (dir_ / "pcscd.log").string());
    }
}

PcscStack::~PcscStack() {
    card_.reset();
    if (pcscd_) pcscd_->stop();
}

std::string PcscStack::cli() const {
    const char* cli = std::getenv("MADOGUCHI_CLI");
    if (!cli) throw std::runtime_error("MADOGUCHI_CLI is not set (ctest sets it to madoguchi-cli)");
    return cli;
}

std::string PcscStack::testCardTool() const {
    const char* tool = std::getenv("MADOGUCHI_TESTCARD");
    if (!tool) throw std::runtime_error("MADOGUCHI_TESTCARD is not set (ctest sets it to madoguchi-testcard)");
    return tool;
}

bool PcscStack::readerCameUp(bool withReader) const {
    // pcscd answers before vpcd has registered its reader, and registration takes longer on a
    // busy machine: poll until the reader is listed (or, without one, until pcscd answers).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        auto context = card::PcscContext::establish();
        if (context) {
            auto readers = context.value()->listReaders();
            if (readers || (!withReader && readers.problem().code == "card.no_reader")) return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

void PcscStack::makeProfiles(const std::vector<Person>& people) {
    std::ostringstream dataset;
    dataset << "{\"people\": [";
    for (std::size_t i = 0; i < people.size(); ++i)
        dataset << (i ? "," : "") << "{\"id\":\"" << people[i].id << "\",\"card_serial\":\"" << people[i].cardSerial
                << "\",\"certificate_not_after\":\"" << people[i].notAfter << "\"}";
    dataset << "]}";
    writeFile(dir_ / "dataset.json", dataset.str());
    int status = 0;
    runAndCapture({cli(), "sim", "card", "--make-profiles", "--dataset", (dir_ / "dataset.json").string(), "--ca-key",
                   (dir_ / "ca.key.pem").string(), "--ca-cert", (dir_ / "ca.cert.pem").string(), "--out",
                   (dir_ / "cards").string()},
                  status);
    if (status != 0) throw std::runtime_error("sim card --make-profiles failed");
}

void PcscStack::waitForCardState(bool present) const {
    auto context = card::PcscContext::establish();
    if (!context) throw std::runtime_error("no PC/SC context: " + context.problem().message);
    if (present) {
        auto reader = context.value()->waitForCard(std::chrono::seconds(10));
        if (!reader) throw std::runtime_error("the virtual card did not appear: " + reader.problem().message);
    } else {
        auto readers = context.value()->listReaders();
        if (readers) context.value()->waitForRemoval(readers.value().front(), std::chrono::seconds(10));
    }
}

ChildProcess& PcscStack::insert(const std::string& id, const std::vector<std::string>& extra) {
    if (card_) removeCard();
    std::vector<std::string> argv{cli(), "sim", "card", "--profile", profile(id).string(), "--port", std::to_string(port_)};
    argv.insert(argv.end(), extra.begin(), extra.end());
    card_ = std::make_unique<ChildProcess>(argv, dir_ / ("sim-" + id + ".log"));
    waitForCardState(true);
    return *card_;
}

void PcscStack::removeCard() {
    card_.reset();
    waitForCardState(false);
}

void PcscStack::stopPcscd() {
    card_.reset();
    if (pcscd_) pcscd_->stop();
}

std::string runAndCapture(const std::vector<std::string>& argv, int& status) {
    std::string command;
    for (const auto& arg : argv) {
        command += '\'';
        for (char c : arg) command += c == '\'' ? std::string("'\\''") : std::string(1, c);
        command += "' ";
    }
    command += "2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    std::string output;
    char buffer[4096];
    while (pipe && !std::feof(pipe)) {
        const auto n = std::fread(buffer, 1, sizeof(buffer), pipe);
        output.append(buffer, n);
    }
    status = pipe ? pclose(pipe) : -1;
    return output;
}

card::Bytes pemCertificateToDer(const std::string& pem) {
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!cert) return {};
    unsigned char* out = nullptr;
    const int length = i2d_X509(cert, &out);
    card::Bytes der(out, out + (length > 0 ? length : 0));
    OPENSSL_free(out);
    X509_free(cert);
    return der;
}

}  // namespace madoguchi::test
