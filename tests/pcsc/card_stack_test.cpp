// The My Number card path through pcscd + vpcd + the virtual card (and OpenSC as a second reader).
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <signal.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <future>
#include <thread>

#include "devices/card/certificate.h"
#include "devices/card/my_number_card.h"
#include "devices/card/sim/card_profile.h"
#include "domain/certificate_rules.h"
#include "domain_printers.h"
#include "pcsc_stack.h"

using namespace madoguchi;
using madoguchi::card::Bytes;
using madoguchi::test::PcscStack;

namespace {

const std::vector<test::Person> kPeople{
    {"P-VALID", "123456789012", "2029-03-31"},      // far from expiry on kToday
    {"P-SOON", "987654321", "2027-01-31"},          // within 3 months before expiry
    {"P-GRACE", "555000111", "2026-10-15"},         // expired, within 3 months after
    {"P-EXPIRED", "777", "2026-06-30"},             // past the grace period
};
const Date kToday = *Date::parseIso(test::kStackToday);

// The Problem code of an outcome, "ok" when it holds a value (for failure messages).
template <class T>
std::string codeOf(const Outcome<T>& outcome) {
    return outcome ? "ok" : outcome.problem().code;
}

std::string decimalToHex(const std::string& decimal) {
    BIGNUM* number = nullptr;
    BN_dec2bn(&number, decimal.c_str());
    char* hex = BN_bn2hex(number);
    std::string text = hex;
    OPENSSL_free(hex);
    BN_free(number);
    return text;
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

bool signatureVerifies(const Bytes& certificateDer, const Bytes& message, const Bytes& signature) {
    const unsigned char* cursor = certificateDer.data();
    X509* certificate = d2i_X509(nullptr, &cursor, static_cast<long>(certificateDer.size()));
    EVP_PKEY* key = X509_get0_pubkey(certificate);
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    const bool ok = EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, key) == 1 &&
                    EVP_DigestVerify(context, signature.data(), signature.size(), message.data(), message.size()) == 1;
    EVP_MD_CTX_free(context);
    X509_free(certificate);
    return ok;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_the_auth_certificate_through_pcscd_with_few_apdus) {
    PcscStack stack;
    stack.makeProfiles(kPeople);
    stack.insert("P-VALID");
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    auto info = myNumber.readAuthCertificate();
    BOOST_REQUIRE_MESSAGE(info, codeOf(info));
    BOOST_TEST(info.value().serialHex == decimalToHex("123456789012"));
    BOOST_TEST(info.value().notAfter.iso() == "2029-03-31");
    BOOST_TEST(info.value().issuer.find("CN=") != std::string::npos);
    auto profile = card::sim::loadProfile(stack.profile("P-VALID"));
    BOOST_REQUIRE(profile);
    BOOST_TEST(info.value().der == profile.value().authCertificateDer);
    // SELECT AP, SELECT EF, header READ BINARY, one extended READ BINARY for the rest.
    BOOST_TEST(card.reader->apduCount() == 4u);
}

BOOST_AUTO_TEST_CASE(short_reads_when_the_card_refuses_extended_length) {
    PcscStack stack;
    stack.makeProfiles({kPeople[0]});
    auto loaded = card::sim::loadProfile(stack.profile("P-VALID"));
    BOOST_REQUIRE(loaded);
    auto profile = std::move(loaded).value();
    profile.extendedLength = false;
    card::sim::saveProfile(profile, stack.profile("P-VALID"));
    stack.insert("P-VALID");
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    auto der = myNumber.readAuthCertificateDer();
    BOOST_REQUIRE_MESSAGE(der, codeOf(der));
    BOOST_TEST(der.value() == profile.authCertificateDer);
    const auto rest = profile.authCertificateDer.size() - 4;
    // 2 SELECTs + header + the refused extended read + ceil(rest / 256) short reads
    BOOST_TEST(card.reader->apduCount() == 4u + (rest + 255) / 256);
}

BOOST_AUTO_TEST_CASE(wrong_pins_count_down_and_the_third_locks_the_card_for_good) {
    PcscStack stack;
    stack.makeProfiles({kPeople[0]});
    stack.insert("P-VALID");
    {
        auto card = connectToCard();
        card::PcscMyNumberCard myNumber(*card.reader);
        BOOST_TEST(myNumber.pinTriesLeft().value() == 3);
        BOOST_TEST(myNumber.pinTriesLeft().value() == 3);  // asking spends no try
        for (int expected : {2, 1}) {
            SecretBuffer pin;
            pin.assign("9999");
            auto result = myNumber.verifyPin(pin);
            BOOST_REQUIRE(result);
            BOOST_TEST(!result.value().accepted);
            BOOST_TEST(result.value().triesLeft == expected);
            BOOST_TEST(pin.empty());  // wiped
            BOOST_TEST(myNumber.pinTriesLeft().value() == expected);
        }
        SecretBuffer pin;
        pin.assign("0000");
        auto third = myNumber.verifyPin(pin);
        BOOST_REQUIRE(third);
        BOOST_TEST(!third.value().accepted);
        BOOST_TEST(third.value().triesLeft == 0);
        SecretBuffer right;
        right.assign("1234");
        auto refused = myNumber.verifyPin(right);
        BOOST_REQUIRE(refused);
        BOOST_TEST(!refused.value().accepted);
        BOOST_TEST(refused.value().triesLeft == 0);
    }
    stack.removeCard();  // the lock survives a restart of the virtual card
    stack.insert("P-VALID");
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    BOOST_TEST(myNumber.pinTriesLeft().value() == 0);
    SecretBuffer right;
    right.assign("1234");
    BOOST_TEST(!myNumber.verifyPin(right).value().accepted);
    auto signature = myNumber.signWithAuthKey(Bytes{1, 2, 3});
    BOOST_REQUIRE(!signature);
    BOOST_TEST(signature.problem().code == "card.pin_locked");
}

BOOST_AUTO_TEST_CASE(a_right_pin_restores_the_counter_and_a_malformed_pin_spends_no_try) {
    PcscStack stack;
    stack.makeProfiles({kPeople[0]});
    stack.insert("P-VALID");
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    SecretBuffer wrong;
    wrong.assign("1111");
    BOOST_TEST(myNumber.verifyPin(wrong).value().triesLeft == 2);
    SecretBuffer malformed;
    malformed.assign("12a4");
    auto format = myNumber.verifyPin(malformed);
    BOOST_REQUIRE(!format);
    BOOST_TEST(format.problem().code == "card.pin_format");
    BOOST_TEST(malformed.empty());
    BOOST_TEST(myNumber.pinTriesLeft().value() == 2);
    SecretBuffer right;
    right.assign("1234");
    auto accepted = myNumber.verifyPin(right);
    BOOST_TEST(accepted.value().accepted);
    BOOST_TEST(myNumber.pinTriesLeft().value() == 3);
}

BOOST_AUTO_TEST_CASE(signs_a_challenge_with_the_auth_key_only_after_the_pin) {
    PcscStack stack;
    stack.makeProfiles({kPeople[0]});
    stack.insert("P-VALID");
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    const Bytes challenge{0x6D, 0x61, 0x64, 0x6F, 0x67, 0x75, 0x63, 0x68, 0x69, 0x00, 0xFF};
    auto early = myNumber.signWithAuthKey(challenge);
    BOOST_REQUIRE(!early);
    BOOST_TEST(early.problem().code == "card.pin_required");
    SecretBuffer pin;
    pin.assign("1234");
    BOOST_REQUIRE(myNumber.verifyPin(pin).value().accepted);
    auto signature = myNumber.signWithAuthKey(challenge);
    BOOST_REQUIRE_MESSAGE(signature, codeOf(signature));
    BOOST_TEST(signature.value().size() == 256u);
    auto info = myNumber.readAuthCertificate();
    BOOST_REQUIRE(info);
    BOOST_TEST(signatureVerifies(info.value().der, challenge, signature.value()));
    Bytes other = challenge;
    other.back() ^= 1;
    BOOST_TEST(!signatureVerifies(info.value().der, other, signature.value()));
}

BOOST_AUTO_TEST_CASE(the_card_is_ours_alone_during_a_check_and_forgets_the_pin_after_it) {
    PcscStack stack;
    stack.makeProfiles({kPeople[0]});
    stack.insert("P-VALID");
    const Bytes challenge(32, 0x5A);
    {
        auto card = connectToCard();
        card::PcscMyNumberCard myNumber(*card.reader);
        SecretBuffer pin;
        pin.assign("1234");
        BOOST_REQUIRE(myNumber.verifyPin(pin).value().accepted);
        // another program cannot slip a command in between the PIN and the signature
        auto other = card::PcscContext::establish();
        BOOST_REQUIRE(other);
        auto intruder = other.value()->connect(card.reader->name());
        BOOST_TEST(codeOf(intruder) == "card.sharing_violation");
        BOOST_TEST(codeOf(myNumber.signWithAuthKey(challenge)) == "ok");
    }
    // the check is over and the card still lies on the reader: its verified state is gone
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    BOOST_TEST(codeOf(myNumber.signWithAuthKey(challenge)) == "card.pin_required");
}

BOOST_AUTO_TEST_CASE(certificate_dates_on_the_card_drive_the_alert_and_grace_rules) {
    PcscStack stack;
    stack.makeProfiles(kPeople);
    const std::vector<std::pair<std::string, CertificateStanding>> expected{
        {"P-VALID", CertificateStanding::Valid},
        {"P-SOON", CertificateStanding::ExpiringSoon},
        {"P-GRACE", CertificateStanding::InGracePeriod},
        {"P-EXPIRED", CertificateStanding::ExpiredBeyondGrace},
    };
    for (const auto& [id, standing] : expected) {
        stack.insert(id);
        auto card = connectToCard();
        card::PcscMyNumberCard myNumber(*card.reader);
        auto info = myNumber.readAuthCertificate();
        BOOST_REQUIRE_MESSAGE(info, codeOf(info));
        BOOST_TEST_CONTEXT(id) {
            BOOST_TEST(certificateStandingOn(info.value().notAfter, kToday) == standing);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_card_pulled_mid_read_gives_a_clear_problem_not_a_hang) {
    PcscStack stack;
    stack.makeProfiles({kPeople[0]});
    stack.insert("P-VALID", {"--pull-after", "3"});  // gone after the header read
    auto card = connectToCard();
    card::PcscMyNumberCard myNumber(*card.reader);
    auto started = std::chrono::steady_clock::now();
    auto info = myNumber.readAuthCertificate();
    BOOST_REQUIRE(!info);
    BOOST_TEST(codeOf(info) == "card.removed");
    BOOST_TEST(!info.problem().message.empty());
    BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(10)));
}

BOOST_AUTO_TEST_CASE(insertion_and_removal_on_command_are_seen_by_the_waits) {
    PcscStack stack;
    stack.makeProfiles({kPeople[0]});
    auto& sim = stack.insert("P-VALID");
    auto context = card::PcscContext::establish();
    BOOST_REQUIRE(context);
    auto reader = context.value()->waitForCard(std::chrono::seconds(5));
    BOOST_REQUIRE(reader);
    sim.signal(SIGUSR1);  // removal
    auto removed = context.value()->waitForRemoval(reader.value(), std::chrono::seconds(5));
    BOOST_REQUIRE_MESSAGE(removed, codeOf(removed));
    BOOST_TEST(removed.value());
    auto none = context.value()->waitForCard(std::chrono::milliseconds(300));
    BOOST_REQUIRE(!none);
    BOOST_TEST(none.problem().code == "card.timeout");
    sim.signal(SIGUSR1);  // insertion
    auto again = context.value()->waitForCard(std::chrono::seconds(5));
    BOOST_TEST(again.ok());
}

BOOST_AUTO_TEST_CASE(a_wait_is_cancellable_from_another_thread) {
    PcscStack stack;
    auto context = card::PcscContext::establish();
    BOOST_REQUIRE(context);
    auto* raw = context.value().get();
    auto waiting = std::async(std::launch::async, [raw] { return raw->waitForCard(std::chrono::seconds(60)); });
    // SCardCancel ends a wait in progress and does nothing before it starts: cancel until the
    // wait reports back (no guess at when it started), within a limit far below its own 60 s.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    do {
        raw->cancel();
    } while (waiting.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready &&
             std::chrono::steady_clock::now() < deadline);
    BOOST_REQUIRE_MESSAGE(waiting.wait_for(std::chrono::seconds(0)) == std::future_status::ready,
                          "the wait did not end within 20 s of repeated cancel()");
    auto result = waiting.get();
    BOOST_REQUIRE(!result);
    BOOST_TEST(result.problem().code == "card.cancelled");
}

BOOST_AUTO_TEST_CASE(no_reader_and_no_pcscd_are_clear_problems) {
    {
        PcscStack stack(false);
        auto context = card::PcscContext::establish();
        BOOST_REQUIRE(context);
        auto readers = context.value()->listReaders();
        BOOST_REQUIRE(!readers);
        BOOST_TEST(readers.problem().code == "card.no_reader");
        auto wait = context.value()->waitForCard(std::chrono::seconds(1));
        BOOST_REQUIRE(!wait);
        BOOST_TEST(wait.problem().code == "card.no_reader");
    }
    auto context = card::PcscContext::establish();  // pcscd stopped with the stack
    BOOST_REQUIRE(!context);
    BOOST_TEST(context.problem().code == "card.no_service");
}

BOOST_AUTO_TEST_CASE(opensc_jpki_driver_reads_the_same_certificate_bytes) {
    PcscStack stack;
    stack.makeProfiles({kPeople[0]});
    stack.insert("P-VALID");
    Bytes ours;
    {
        auto card = connectToCard();
        card::PcscMyNumberCard myNumber(*card.reader);
        auto der = myNumber.readAuthCertificateDer();
        BOOST_REQUIRE(der);
        ours = der.value();
    }
    int status = -1;
    const auto pem = test::runAndCapture({"pkcs15-tool", "--read-certificate", "01"}, status);
    BOOST_REQUIRE_MESSAGE(status == 0, "pkcs15-tool failed (is Debian's opensc installed?)");
    const auto theirs = test::pemCertificateToDer(pem);
    BOOST_TEST(!theirs.empty());
    BOOST_TEST(theirs == ours);
}
