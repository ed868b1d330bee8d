#pragma once
// A secret typed by a person (the card's PIN) on its way to the card: a fixed-capacity buffer
// that is never copied or moved (so no stray copy of the digits is left behind, as a moved-from
// std::string keeps them in its short-string buffer), locked into RAM where the system allows
// (never swapped out), and wiped when cleared and when destroyed. Besides the standard library
// it uses only the C library's explicit_bzero and mlock (POSIX).
#include <array>
#include <cstddef>
#include <string_view>

namespace madoguchi {

class SecretBuffer {
public:
    static constexpr std::size_t kCapacity = 32;

    SecretBuffer();
    ~SecretBuffer();
    SecretBuffer(const SecretBuffer&) = delete;
    SecretBuffer& operator=(const SecretBuffer&) = delete;
    SecretBuffer(SecretBuffer&&) = delete;
    SecretBuffer& operator=(SecretBuffer&&) = delete;

    // Adds one character; false (and nothing added) when the buffer is full.
    bool push(char c);
    // Replaces the content; false (and the buffer left empty) when the text does not fit.
    bool assign(std::string_view text);
    // Wipes every byte and empties the buffer.
    void clear();

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::string_view view() const { return {bytes_.data(), size_}; }
    // Whether the pages holding the bytes are locked into RAM (mlock may be refused by limits).
    bool lockedInMemory() const { return locked_; }

private:
    std::array<char, kCapacity> bytes_{};
    std::size_t size_ = 0;
    bool locked_ = false;
};

// Overwrites `size` bytes at `data` in a way the compiler may not optimise away.
void wipeBytes(void* data, std::size_t size);

}  // namespace madoguchi
