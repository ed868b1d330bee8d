// SecretBuffer: the PIN's only home between the PIN pad and the card.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <new>
#include <type_traits>

#include "domain/secret_buffer.h"

using madoguchi::SecretBuffer;

BOOST_AUTO_TEST_SUITE(SecretBuffers)

BOOST_AUTO_TEST_CASE(holds_what_is_pushed_up_to_its_capacity) {
    SecretBuffer pin;
    BOOST_TEST(pin.empty());
    for (char c : std::string_view("1234")) BOOST_TEST(pin.push(c));
    BOOST_TEST(pin.view() == "1234");
    while (pin.size() < SecretBuffer::kCapacity) BOOST_TEST(pin.push('9'));
    BOOST_TEST(!pin.push('0'));
    BOOST_TEST(pin.size() == SecretBuffer::kCapacity);
}

BOOST_AUTO_TEST_CASE(text_too_long_is_refused_and_leaves_nothing) {
    SecretBuffer pin;
    BOOST_TEST(pin.assign("5678"));
    BOOST_TEST(!pin.assign(std::string(SecretBuffer::kCapacity + 1, '1')));
    BOOST_TEST(pin.empty());
}

BOOST_AUTO_TEST_CASE(clearing_overwrites_the_digits) {
    SecretBuffer pin;
    BOOST_REQUIRE(pin.assign("2468"));
    const char* bytes = pin.view().data();
    pin.clear();
    BOOST_TEST(pin.empty());
    BOOST_TEST(std::all_of(bytes, bytes + SecretBuffer::kCapacity, [](char c) { return c == 0; }));
}

BOOST_AUTO_TEST_CASE(destruction_overwrites_the_digits) {
    alignas(SecretBuffer) unsigned char storage[sizeof(SecretBuffer)];
    auto* pin = new (storage) SecretBuffer;
    BOOST_REQUIRE(pin->assign("1357"));
    const auto offset = static_cast<std::size_t>(reinterpret_cast<const unsigned char*>(pin->view().data()) - storage);
    pin->~SecretBuffer();
    BOOST_TEST(std::all_of(storage + offset, storage + offset + 4, [](unsigned char c) { return c == 0; }));
}

BOOST_AUTO_TEST_CASE(is_locked_in_memory_and_never_copied_or_moved) {
    SecretBuffer pin;
    BOOST_TEST(pin.lockedInMemory());
    BOOST_TEST(!std::is_copy_constructible_v<SecretBuffer>);
    BOOST_TEST(!std::is_move_constructible_v<SecretBuffer>);
    BOOST_TEST(!std::is_copy_assignable_v<SecretBuffer>);
}

BOOST_AUTO_TEST_SUITE_END()
