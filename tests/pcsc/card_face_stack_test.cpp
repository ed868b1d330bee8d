// The portrait from the 券面事項確認AP through pcscd + vpcd + the virtual card: 照合番号B counts
// down and locks like the PIN, buffers are wiped, and the 券面事項入力補助AP is never asked for.
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>
#include <algorithm>
#include <fstream>
#include <sstream>

#include "devices/card/my_number_card.h"
#include "devices/card/sim/card_profile.h"
#include "pcsc_stack.h"

using namespace madoguchi;
using madoguchi::card::Bytes;
using madoguchi::test::PcscStack;

namespace {

const test::Person kPerson{"P-FACE", "4242", "2030-05-31"};
const std::string kCardFaceAidHex = "D3921000310001010402";
const std::string kCardInputHelperAidHex = "D3921000310001010408";

template <class T>
std::string codeOf(const Outcome<T>& outcome) {
    return outcome ? "ok" : outcome.problem().code;
}

struct Connected {
    std::unique_ptr<card::PcscContext> context;
    std::unique_ptr<card::PcscReader> reader;
};

Connected connectToCard() {
    auto context = card::PcscContext::establish();
    BOOST_REQUIRE_MESSAGE(context, "establish: " << codeOf(context));
    auto name = context.value()->waitForCard(std::chrono::seconds(5));
    BOOST_REQUIRE_MESSAGE(name, "wait: " << codeOf(name));
    auto reader = context.value()->connect(name.value());
    BOOST_REQUIRE_MESSAGE(reader, "connect: " << codeOf(reader));
    return {std::move(context).value(), std::move(reader).value()};
}

card::sim::CardProfile profileOf(const PcscStack& stack) {
    auto profile = card::sim::loadProfile(stack.profile(kPerson.id));
    BOOST_REQUIRE(profile);
    return std::move(profile).value();
}

std::string simLog(const PcscStack& stack) {
    std::ifstream in(stack.dir() / ("sim-" + kPerson.id + ".log"));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool allZero(const void* memory, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(memory);
    return std::all_of(bytes, bytes + size, [](unsigned char b) { return b == 0; });
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_the_portrait_after_a_right_collation_number_and_wipes_the_buffers) {
    PcscStack stack;
    stack.makeProfiles({kPerson});
    const auto profile = profileOf(stack);
    BOOST_TEST(profile.portrait.size() > 100u);
    BOOST_TEST(card::sim::collationNumberB(profile) ==
               "800101" + std::to_string(2035) + profile.securityCode);  // no birth date: 1980-01-01; 2030 + 5
    stack.insert(kPerson.id);
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    BOOST_TEST(myNumber.cardFaceTriesLeft().value() == 10);
    BOOST_TEST(myNumber.cardFaceTriesLeft().value() == 10);  // asking spends no try

    std::string number = card::sim::collationNumberB(profile);
    const char* numberMemory = number.data();
    const std::size_t numberSize = number.size();
    auto read = myNumber.readPortrait(number);
    BOOST_REQUIRE_MESSAGE(read, codeOf(read));
    BOOST_TEST(number.empty());
    BOOST_TEST(allZero(numberMemory, numberSize));  // the 照合番号B's bytes, not just its length
    BOOST_TEST(read.value().verification.accepted);
    BOOST_TEST(read.value().verification.triesLeft == -1);  // the card restores a limit it does not tell
    auto portrait = std::move(read).value().portrait;
    BOOST_TEST(portrait == profile.portrait);
    const Bytes jp2Signature{0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};  // JPEG 2000 (JP2) box
    BOOST_TEST(Bytes(portrait.begin(), portrait.begin() + 8) == jp2Signature);

    const auto* portraitMemory = portrait.data();
    const std::size_t portraitSize = portrait.size();
    card::wipe(portrait);
    BOOST_TEST(portrait.empty());
    BOOST_TEST(allZero(portraitMemory, portraitSize));  // storage kept by the vector, overwritten

    // SELECT AP, SELECT EF 0012, VERIFY, SELECT EF 0002, header READ BINARY, one extended read.
    BOOST_TEST(card.reader->apduCount() == 2u + 6u);
    const auto log = simLog(stack);
    BOOST_TEST(log.find("SELECT AID " + kCardFaceAidHex + " -> 9000") != std::string::npos);
    BOOST_TEST(log.find(kCardInputHelperAidHex) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_collation_numbers_count_down_and_lock_for_good) {
    PcscStack stack;
    stack.makeProfiles({kPerson});
    auto profile = profileOf(stack);
    profile.cardFaceTriesMax = 3;
    card::sim::saveProfile(profile, stack.profile(kPerson.id));
    const std::string wrong = "99123120990000";
    stack.insert(kPerson.id);
    {
        auto card = connectToCard();
        card::PcscMyNumberCard myNumber(*card.reader);
        BOOST_TEST(myNumber.cardFaceTriesLeft().value() == 3);
        for (int expected : {2, 1}) {
            std::string number = wrong;
            auto read = myNumber.readPortrait(number);
            BOOST_REQUIRE_MESSAGE(read, codeOf(read));
            BOOST_TEST(!read.value().verification.accepted);
            BOOST_TEST(read.value().verification.triesLeft == expected);
            BOOST_TEST(read.value().portrait.empty());
            BOOST_TEST(number.empty());
            BOOST_TEST(myNumber.cardFaceTriesLeft().value() == expected);
        }
        std::string malformed = "1234";  // refused before any APDU: spends no try
        auto format = myNumber.readPortrait(malformed);
        BOOST_REQUIRE(!format);
        BOOST_TEST(format.problem().code == "card.collation_number_format");
        BOOST_TEST(malformed.empty());
        BOOST_TEST(myNumber.cardFaceTriesLeft().value() == 1);
        BOOST_TEST(myNumber.pinTriesLeft().value() == 3);  // the JPKI PIN has its own counter
    }
    stack.removeCard();  // the count survives a restart of the virtual card
    stack.insert(kPerson.id);
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    BOOST_TEST(myNumber.cardFaceTriesLeft().value() == 1);
    std::string last = wrong;
    auto locked = myNumber.readPortrait(last);
    BOOST_REQUIRE(locked);
    BOOST_TEST(!locked.value().verification.accepted);
    BOOST_TEST(locked.value().verification.triesLeft == 0);
    std::string right = card::sim::collationNumberB(profile);
    auto refused = myNumber.readPortrait(right);
    BOOST_REQUIRE(refused);
    BOOST_TEST(!refused.value().verification.accepted);
    BOOST_TEST(refused.value().verification.triesLeft == 0);
    BOOST_TEST(refused.value().portrait.empty());
    BOOST_TEST(myNumber.cardFaceTriesLeft().value() == 0);
}

BOOST_AUTO_TEST_CASE(the_test_tool_reads_the_portrait_with_the_number_from_stdin_and_writes_no_file) {
    PcscStack stack;
    stack.makeProfiles({kPerson});
    const auto profile = profileOf(stack);
    stack.insert(kPerson.id);
    const auto before = std::distance(std::filesystem::directory_iterator(stack.dir()), std::filesystem::directory_iterator());
    int status = 0;
    const auto printed = test::runAndCapture({"sh", "-c",
                                              "echo " + card::sim::collationNumberB(profile) + " | '" +
                                                  stack.testCardTool() + "' portrait"},
                                             status);
    BOOST_TEST_MESSAGE(printed);
    BOOST_TEST(status == 0);
    Bytes digest(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    EVP_Digest(profile.portrait.data(), profile.portrait.size(), digest.data(), &length, EVP_sha256(), nullptr);
    digest.resize(length);
    BOOST_TEST(printed.find("accepted " + std::to_string(profile.portrait.size()) + " bytes sha256 " +
                            card::toHex(digest)) == 0);
    BOOST_TEST(std::distance(std::filesystem::directory_iterator(stack.dir()), std::filesystem::directory_iterator()) == before);
}


BOOST_AUTO_TEST_CASE(no_apdu_ever_goes_to_the_card_input_helper_ap) {
    PcscStack stack;
    stack.makeProfiles({kPerson});
    const auto profile = profileOf(stack);
    stack.insert(kPerson.id);
    {
        auto card = connectToCard();
        card::PcscMyNumberCard myNumber(*card.reader);
        // everything Madoguchi does with a card, in one tap
        BOOST_REQUIRE(myNumber.readAuthCertificate());
        BOOST_REQUIRE(myNumber.pinTriesLeft());
        SecretBuffer pin;
        pin.assign("1234");
        BOOST_REQUIRE(myNumber.verifyPin(pin).value().accepted);
        BOOST_REQUIRE(myNumber.signWithAuthKey(Bytes{1, 2, 3}));
        BOOST_REQUIRE(myNumber.cardFaceTriesLeft());
        std::string number = card::sim::collationNumberB(profile);
        auto read = myNumber.readPortrait(number);
        BOOST_REQUIRE(read && read.value().verification.accepted);
        BOOST_REQUIRE(myNumber.readAuthCertificate());  // back to the JPKI-AP after the card face
    }
    auto log = simLog(stack);
    BOOST_TEST(log.find("SELECT AID D392F000260100000001 -> 9000") != std::string::npos);
    BOOST_TEST(log.find("SELECT AID " + kCardFaceAidHex + " -> 9000") != std::string::npos);
    BOOST_TEST(log.find(kCardInputHelperAidHex) == std::string::npos);

    // The detector works: a SELECT of the 入力補助AP sent by hand is refused and reported.
    auto card = connectToCard();
    card::CommandApdu select{0x00, 0xA4, 0x04, 0x0C, {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08}};
    auto answer = card.reader->transmit(select);
    BOOST_REQUIRE(answer);
    BOOST_TEST(answer.value().sw == card::sw::kFileNotFound);
    log = simLog(stack);
    BOOST_TEST(log.find("SELECT AID " + kCardInputHelperAidHex + " -> 6A82 REFUSED") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_cli_face_check_compares_the_card_portrait_with_the_camera_image) {
    PcscStack stack;
    stack.makeProfiles({kPerson});
    const auto profile = profileOf(stack);
    stack.insert(kPerson.id);
    const auto cameraImage = stack.dir() / "camera.jp2";  // the camera "sees" the card holder's portrait
    {
        std::ofstream file(cameraImage, std::ios::binary);
        file.write(reinterpret_cast<const char*>(profile.portrait.data()), static_cast<std::streamsize>(profile.portrait.size()));
    }
    int status = 0;
    const auto json = test::runAndCapture({"sh", "-c",
                                           "echo " + card::sim::collationNumberB(profile) + " | '" + stack.cli() +
                                               "' card face-check --camera-image '" + cameraImage.string() + "'"},
                                          status);
    BOOST_TEST_MESSAGE(json);
    BOOST_TEST(status == 0);
    BOOST_TEST(json.find("\"matched\": true") != std::string::npos);
    BOOST_TEST(json.find("\"score\": 1") != std::string::npos);
}
