#pragma once
// A hint for a large block about to be filled at once (tens of MiB of report rows): on Linux, ask
// for transparent huge pages over it (madvise MADV_HUGEPAGE; the kernel default here is "madvise",
// so without the hint every 4 KiB page is faulted in one by one, which on a virtual machine costs
// more than filling the rows). Only the 2 MiB-aligned interior is advised; elsewhere, or when the
// kernel declines, nothing happens and the block is filled as usual.
#include <cstddef>
#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace madoguchi::platform {

inline void adviseHugePages(void* block, std::size_t bytes) {
#ifdef __linux__
    constexpr std::uintptr_t kHugePage = 2u << 20;
    const auto begin = (reinterpret_cast<std::uintptr_t>(block) + kHugePage - 1) & ~(kHugePage - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(kHugePage - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)block;
    (void)bytes;
#endif
}

}  // namespace madoguchi::platform
