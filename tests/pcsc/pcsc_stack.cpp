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

namespace madoguchi::test {

namespace {

int freeTcpPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    socklen_t length = sizeof(address);
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

std::string pcscdProgram() {
    for (const char* path : {"/usr/sbin/pcscd", "/sbin/pcscd", "/usr/local/sbin/pcscd"})
        if (fs::exists(path)) return path;
    return "pcscd";
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

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const fs::path& output) {
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        const int null = open("/dev/null", O_RDONLY);
        dup2(null, 0);
        std::vector<char*> args;
        for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
}

ChildProcess::~ChildProcess() { stop(); }

void ChildProcess::signal(int number) const {
    if (pid_ > 0) kill(pid_, number);
}

int ChildProcess::stop() {
    if (pid_ <= 0) return 0;
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return status;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
}

PcscStack::PcscStack(bool withReader) {
    std::string pattern = (fs::temp_directory_path() / "madoguchi-pcsc-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    port_ = freeTcpPort();
    const auto conf = dir_ / "reader.conf.d";
    fs::create_directories(conf);
    if (withReader) {
        std::ostringstream vpcd;
        vpcd << "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME   /dev/null:0x" << std::hex << port_
             << "\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID    0x" << port_ << '\n';
        writeFile(conf / "vpcd", vpcd.str());
    }
    provideCa(dir_);
    pcscd_ = std::make_unique<ChildProcess>(std::vector<std::string>{pcscdProgram(), "--foreground", "-c", conf.string()},
                                            dir_ / "pcscd.log");
    waitForReader(withReader);
}

PcscStack::~PcscStack() {
    card_.reset();
    pcscd_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
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

void PcscStack::waitForReader(bool withReader) const {
    // pcscd answers before vpcd has registered its reader, and registration takes longer on a
    // busy machine: poll until the reader is listed (or, without one, until pcscd answers).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
        auto context = card::PcscContext::establish();
        if (context) {
            auto readers = context.value()->listReaders();
            if (readers || (!withReader && readers.problem().code == "card.no_reader")) return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error(withReader ? "pcscd started but shows no vpcd reader; see " + (dir_ / "pcscd.log").string()
                                        : "pcscd did not come up; see " + (dir_ / "pcscd.log").string());
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
    pcscd_.reset();
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
