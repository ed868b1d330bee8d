#include "domain/secret_buffer.h"

#include <sys/mman.h>

#include <cstring>

namespace madoguchi {

void wipeBytes(void* data, std::size_t size) {
    if (data && size) explicit_bzero(data, size);
}

SecretBuffer::SecretBuffer() : locked_(mlock(bytes_.data(), bytes_.size()) == 0) {}

SecretBuffer::~SecretBuffer() {
    clear();
    if (locked_) munlock(bytes_.data(), bytes_.size());
}

bool SecretBuffer::push(char c) {
    if (size_ == kCapacity) return false;
    bytes_[size_++] = c;
    return true;
}

bool SecretBuffer::assign(std::string_view text) {
    clear();
    if (text.size() > kCapacity) return false;
    std::memcpy(bytes_.data(), text.data(), text.size());
    size_ = text.size();
    return true;
}

void SecretBuffer::clear() {
    wipeBytes(bytes_.data(), bytes_.size());
    size_ = 0;
}

}  // namespace madoguchi
