// madoguchi-testcard: what the tests need from a card and the shipped madoguchi-cli refuses to do
// (issue #14). Never installed.
//   madoguchi-testcard portrait --out FILE        照合番号B from standard input; writes the portrait
//   madoguchi-testcard sign --challenge-hex HEX   PIN from standard input; signs the bytes as given
// Prints one line: "accepted" and what it did, or the card's problem code (exit 1).
#include <fstream>
#include <iostream>
#include <string>

#include "devices/card/my_number_card.h"

using namespace madoguchi;

namespace {

constexpr auto kWait = std::chrono::seconds(5);

int fail(const std::string& what) {
    std::cout << what << '\n';
    return 1;
}

card::Bytes fromHex(const std::string& text) {
    card::Bytes bytes;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2)
        bytes.push_back(static_cast<std::uint8_t>(std::stoi(text.substr(i, 2), nullptr, 16)));
    return bytes;
}

int writePortrait(card::PcscMyNumberCard& myNumber, const std::string& out) {
    std::string number;
    std::getline(std::cin, number);
    auto read = myNumber.readPortrait(number);
    if (!read) return fail(read.problem().code);
    if (!read.value().verification.accepted) return fail("refused");
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(read.value().portrait.data()),
               static_cast<std::streamsize>(read.value().portrait.size()));
    std::cout << "accepted " << read.value().portrait.size() << " bytes\n";
    return 0;
}

int signBytes(card::PcscMyNumberCard& myNumber, const std::string& hex) {
    SecretBuffer pin;
    std::string line;
    std::getline(std::cin, line);
    pin.assign(line);
    card::wipe(line);
    auto verified = myNumber.verifyPin(pin);
    if (!verified) return fail(verified.problem().code);
    if (!verified.value().accepted) return fail("refused");
    auto signature = myNumber.signWithAuthKey(fromHex(hex));
    if (!signature) return fail(signature.problem().code);
    std::cout << "accepted " << card::toHex(signature.value()) << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 || (std::string(argv[1]) == "portrait" && std::string(argv[2]) != "--out") ||
        (std::string(argv[1]) == "sign" && std::string(argv[2]) != "--challenge-hex")) {
        std::cerr << "usage: madoguchi-testcard portrait --out FILE | sign --challenge-hex HEX\n";
        return 2;
    }
    auto context = card::PcscContext::establish();
    if (!context) return fail(context.problem().code);
    auto name = context.value()->waitForCard(kWait);
    if (!name) return fail(name.problem().code);
    auto reader = context.value()->connect(name.value());
    if (!reader) return fail(reader.problem().code);
    card::PcscMyNumberCard myNumber(*reader.value());
    return std::string(argv[1]) == "portrait" ? writePortrait(myNumber, argv[3]) : signBytes(myNumber, argv[3]);
}
