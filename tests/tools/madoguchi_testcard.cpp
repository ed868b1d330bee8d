// madoguchi-testcard: what the tests need from a card and the shipped madoguchi-cli refuses to do
// (issue #14). Never installed.
//   madoguchi-testcard portrait                   照合番号B from standard input; prints the portrait's
//                                                 size and SHA-256 (the portrait never touches a disk)
//   madoguchi-testcard sign --challenge-hex HEX   PIN from standard input; signs the bytes as given
// Prints one line: "accepted" and what it did, or the card's problem code (exit 1).
#include <openssl/evp.h>

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

card::Bytes sha256(const card::Bytes& bytes) {
    card::Bytes digest(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
    digest.resize(length);
    return digest;
}

int describePortrait(card::PcscMyNumberCard& myNumber) {
    std::string number;
    std::getline(std::cin, number);
    auto read = myNumber.readPortrait(number);
    card::wipe(number);
    if (!read) return fail(read.problem().code);
    if (!read.value().verification.accepted) return fail("refused");
    card::Bytes portrait = std::move(read.value().portrait);
    std::cout << "accepted " << portrait.size() << " bytes sha256 " << card::toHex(sha256(portrait)) << '\n';
    card::wipe(portrait);
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
    const bool portrait = argc == 2 && std::string(argv[1]) == "portrait";
    const bool sign = argc == 4 && std::string(argv[1]) == "sign" && std::string(argv[2]) == "--challenge-hex";
    if (!portrait && !sign) {
        std::cerr << "usage: madoguchi-testcard portrait | sign --challenge-hex HEX\n";
        return 2;
    }
    auto context = card::PcscContext::establish();
    if (!context) return fail(context.problem().code);
    auto name = context.value()->waitForCard(kWait);
    if (!name) return fail(name.problem().code);
    auto reader = context.value()->connect(name.value());
    if (!reader) return fail(reader.problem().code);
    card::PcscMyNumberCard myNumber(*reader.value());
    return portrait ? describePortrait(myNumber) : signBytes(myNumber, argv[3]);
}
