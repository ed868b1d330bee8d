#include "domain/secret_buffer.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/mman.h>
#endif

#include <cstring>

namespace madoguchi {

#ifdef _WIN32
// Windows (docs/windows.md): the same guarantees through the Win32 calls.
static void wipeUnoptimised(void* data, std::size_t size) { SecureZeroMemory(data, size); }
static bool lockPages(void* data, std::size_t size) { return VirtualLock(data, size) != 0; }
static void unlockPages(void* data, std::size_t size) { VirtualUnlock(data, size); }
#else
static void wipeUnoptimised(void* data, std::size_t size) { explicit_bzero(data, size); }
static bool lockPages(void* data, std::size_t size) { return mlock(data, size) == 0; }
static void unlockPages(void* data, std::size_t size) { munlock(data, size); }
#endif

void wipeBytes(void* data, std::size_t size) {
    if (data && size) wipeUnoptimised(data, size);
}

SecretBuffer::SecretBuffer() : locked_(lockPages(bytes_.data(), bytes_.size())) {}

SecretBuffer::~SecretBuffer() {
    clear();
    if (locked_) unlockPages(bytes_.data(), bytes_.size());
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
