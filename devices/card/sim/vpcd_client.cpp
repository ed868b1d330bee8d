#include "devices/card/sim/vpcd_client.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <ostream>
#include <thread>

#include "devices/card/jpki.h"

namespace madoguchi::card::sim {

namespace {

int connectTo(const VpcdOptions& options) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(options.host.c_str(), std::to_string(options.port).c_str(), &hints, &found) != 0) return -1;
    int fd = -1;
    for (auto* at = found; at && fd < 0; at = at->ai_next) {
        fd = socket(at->ai_family, at->ai_socktype, at->ai_protocol);
        if (fd >= 0 && connect(fd, at->ai_addr, at->ai_addrlen) != 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(found);
    if (fd >= 0) {
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    return fd;
}

bool readExactly(int fd, std::uint8_t* out, std::size_t length) {
    while (length > 0) {
        const auto n = read(fd, out, length);
        if (n <= 0) return false;
        // vpcd writes a command's 2-byte length and its body separately: acknowledge at once, or
        // Nagle on its side and our delayed ACK add ~40 ms to every APDU.
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof(one));
        out += n;
        length -= static_cast<std::size_t>(n);
    }
    return true;
}

bool sendMessage(int fd, const Bytes& payload) {
    Bytes framed{static_cast<std::uint8_t>(payload.size() >> 8), static_cast<std::uint8_t>(payload.size())};
    framed.insert(framed.end(), payload.begin(), payload.end());
    return write(fd, framed.data(), framed.size()) == static_cast<ssize_t>(framed.size());
}

enum class Served { Closed, Pulled, Stopped, Toggled };

Served serve(int fd, VirtualMyNumberCard& card, const VpcdOptions& options, VpcdControl& control, long& apdus) {
    for (;;) {
        if (control.stop) return Served::Stopped;
        if (control.toggleInsertion.exchange(false)) return Served::Toggled;
        pollfd watch{fd, POLLIN, 0};
        if (poll(&watch, 1, 100) <= 0) continue;
        std::uint8_t header[2];
        if (!readExactly(fd, header, 2)) return Served::Closed;
        Bytes message((header[0] << 8) | header[1]);
        if (!readExactly(fd, message.data(), message.size())) return Served::Closed;
        if (message.size() == 1) {
            if (message[0] == 0x04) {
                if (!sendMessage(fd, Bytes(jpki::kAtr.begin(), jpki::kAtr.end()))) return Served::Closed;
            } else {
                card.reset();  // power off / on / reset
            }
            continue;
        }
        const Bytes response = card.answer(message);
        if (!sendMessage(fd, response)) return Served::Closed;
        if (options.pullAfterApdus > 0 && ++apdus >= options.pullAfterApdus) return Served::Pulled;
    }
}

}  // namespace

int runVpcdCard(VirtualMyNumberCard& card, const VpcdOptions& options, VpcdControl& control, std::ostream& log) {
    bool inserted = true;
    bool everConnected = false;
    long apdus = 0;
    auto firstTry = std::chrono::steady_clock::now();
    while (!control.stop) {
        if (!inserted) {
            if (control.toggleInsertion.exchange(false)) inserted = true;
            else std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
        }
        const int fd = connectTo(options);
        if (fd < 0) {
            if (!everConnected && std::chrono::steady_clock::now() - firstTry > std::chrono::seconds(10)) {
                log << "sim card: cannot reach vpcd at " << options.host << ':' << options.port
                    << " (is pcscd running with the vsmartcard vpcd driver?)\n";
                return 1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        everConnected = true;
        card.reset();
        log << "sim card: inserted\n" << std::flush;
        const Served served = serve(fd, card, options, control, apdus);
        close(fd);
        card.reset();
        log << "sim card: removed\n" << std::flush;
        if (served == Served::Pulled || served == Served::Toggled) inserted = false;
        if (served == Served::Closed) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return 0;
}

}  // namespace madoguchi::card::sim
