#pragma once
// The heap of a process that fills megabytes of it at start (the window: GTK's theme, Pango's
// fonts, wx's widgets), in transparent huge pages: a 2 MiB page is one page fault where 512 fresh
// 4 KiB pages were 512 (~12-35 µs each on this virtual machine). Linux with glibc: what its
// tunable glibc.malloc.hugetlb=1 does for the main heap, for a program started without it.
// Elsewhere, and where malloc is not glibc's (sanitizers, valgrind): nothing.
// docs/performance.md, "Page faults, third pass".
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>

#include "platform/large_blocks.h"
#endif

namespace madoguchi::platform {

#if defined(__linux__) && defined(__GLIBC__)
namespace heap_pages_detail {

inline std::uintptr_t heapEnd() { return reinterpret_cast<std::uintptr_t>(sbrk(0)); }

// Makes malloc grow the heap now, by `reserve` (and by as much each later time).
inline void growHeap(std::size_t reserve) {
    mallopt(M_TOP_PAD, static_cast<int>(reserve));
    const std::uintptr_t before = heapEnd();
    std::array<void*, 64> blocks{};
    std::size_t taken = 0;
    while (taken < blocks.size() && heapEnd() == before) blocks[taken++] = malloc(16u << 10);
    for (std::size_t i = 0; i < taken; ++i) free(blocks[i]);
}

}  // namespace heap_pages_detail

// Call first in main(), before any thread. The main heap grows by `reserve` bytes at once (address
// space; a page is resident once used) with the huge page hint (madvise MADV_HUGEPAGE; the
// kernel's default here is "madvise") on its whole 2 MiB pages. Growth beyond the reserve, and
// the other threads' arenas, stay in 4 KiB pages. Memory freed at the top of the heap is kept,
// up to the reserve, rather than given back. One arena for every thread was tried: slower.
inline void heapOnHugePages(std::size_t reserve) {
    using namespace heap_pages_detail;
    const std::uintptr_t before = heapEnd();
    growHeap(reserve);
    const std::uintptr_t from = hugePagesUp(before), to = hugePagesDown(heapEnd());
    if (to <= from) return;  // not glibc's heap that grew (a sanitizer's or valgrind's malloc)
    madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}
#else
inline void heapOnHugePages(std::size_t) {}
#endif

}  // namespace madoguchi::platform
