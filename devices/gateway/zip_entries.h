#pragma once
// Bulk answers may come as a .zip (INTEROP.md §4: OQSmuquc02res_….zip with the XML inside). The
// archive is read in memory only — nothing is ever extracted to disk — with the limits a hostile
// archive cannot pass: the number of entries, each entry's size as declared and as actually
// inflated (a zip bomb stops at the cap plus one byte), the total, and entry names (no folders, no
// "..", no absolute or backslash paths, no control characters). Encrypted entries and methods other
// than stored and deflated are refused; a CRC mismatch is refused.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "devices/gateway/message_reader.h"
#include "domain/outcome.h"

namespace madoguchi::gateway {

struct ZipLimits {
    std::size_t maxEntries = 64;
    std::size_t maxEntryBytes = kMaxResultBytes;
    std::size_t maxTotalBytes = 2 * kMaxResultBytes;
};

struct ZipEntry {
    std::string name;
    std::string content;
};

// True for the first bytes of a zip archive ("PK\3\4").
bool looksLikeZip(std::string_view bytes);

// The archive's entries whose names end in ".xml" (case-insensitive), in archive order, with their
// content; other entries are checked and counted but not kept. Problem "gateway.bad_zip" with the
// reason for anything else.
Outcome<std::vector<ZipEntry>> xmlEntriesOfZip(std::string_view bytes, const ZipLimits& limits = {});

// A deflated archive of the entries (the simulator's answers, tests).
std::string zipOf(const std::vector<ZipEntry>& entries);

}  // namespace madoguchi::gateway
