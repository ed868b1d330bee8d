#pragma once
// Memory for large blocks filled at once (a hospital's report: tens of MiB of rows and their
// text). On Linux a block of 2 MiB or more is mapped on its own, 2 MiB-aligned and rounded up to
// whole 2 MiB pages, with the transparent huge page hint (madvise MADV_HUGEPAGE; the kernel
// default here is "madvise"): filled, it is faulted in a few huge pages rather than thousands of
// 4 KiB ones, which on a virtual machine cost more than filling it. A block not aligned so would
// have its unaligned ends faulted page by page (up to 4 MiB each). Smaller blocks, and every
// block elsewhere, come from the default resource (new/delete).
#include <cstddef>
#include <cstdint>
#include <memory_resource>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace madoguchi::platform {

// The size of a transparent huge page on x86-64 Linux: the unit the kernel's hint works in
// (here, and in platform/heap_pages.h).
inline constexpr std::uintptr_t kHugePageBytes = 2u << 20;
inline constexpr std::uintptr_t hugePagesDown(std::uintptr_t at) { return at & ~(kHugePageBytes - 1); }
inline constexpr std::uintptr_t hugePagesUp(std::uintptr_t at) { return hugePagesDown(at + kHugePageBytes - 1); }

#ifdef __linux__
class HugePageBlocks final : public std::pmr::memory_resource {
    static std::pmr::memory_resource& small() { return *std::pmr::new_delete_resource(); }

    void* do_allocate(std::size_t bytes, std::size_t alignment) override {
        if (bytes < kHugePageBytes || alignment > kHugePageBytes) return small().allocate(bytes, alignment);
        const std::uintptr_t size = hugePagesUp(bytes);
        void* mapped = mmap(nullptr, size + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED) throw std::bad_alloc();
        // A huge page more than needed, then the ends around the aligned block given back.
        const auto start = reinterpret_cast<std::uintptr_t>(mapped), block = hugePagesUp(start);
        if (block > start) munmap(mapped, block - start);
        if (const std::uintptr_t tail = start + kHugePageBytes - block; tail > 0)
            munmap(reinterpret_cast<void*>(block + size), tail);
        madvise(reinterpret_cast<void*>(block), size, MADV_HUGEPAGE);
        return reinterpret_cast<void*>(block);
    }
    void do_deallocate(void* block, std::size_t bytes, std::size_t alignment) override {
        if (bytes < kHugePageBytes || alignment > kHugePageBytes) return small().deallocate(block, bytes, alignment);
        munmap(block, hugePagesUp(bytes));
    }
    bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override { return this == &other; }
};

inline std::pmr::memory_resource* largeBlocks() {
    static HugePageBlocks blocks;
    return &blocks;
}
#else
inline std::pmr::memory_resource* largeBlocks() { return std::pmr::new_delete_resource(); }
#endif

}  // namespace madoguchi::platform
