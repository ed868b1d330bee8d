#include "devices/gateway/card_check_protocol.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

#include <cctype>

#include <sstream>

namespace madoguchi::gateway::card_check {

std::string toBase64(const std::vector<std::uint8_t>& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    encoder.close();
    return out.str();
}

std::optional<std::vector<std::uint8_t>> fromBase64(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) return std::nullopt;
    for (char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=') return std::nullopt;
    try {
        std::istringstream in{std::string(text)};
        Poco::Base64Decoder decoder(in);
        std::string raw((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
        return std::vector<std::uint8_t>(raw.begin(), raw.end());
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

}  // namespace madoguchi::gateway::card_check
