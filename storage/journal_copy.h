#pragma once
// Moving a journal to another engine (a window's SQLite file to the site's server): every row of
// every table, in one transaction, then compared row by row. The audit rows keep their numbers and
// seals, so the copy is the same chain (the source's anchors verify it).
#include <map>
#include <string>

#include "storage/database.h"

namespace madoguchi::storage {

// Table → rows copied.
using CopiedRows = std::map<std::string, long long>;

// Throws StorageError when `to` already holds a journal (any visit, staff account or audit row).
void requireEmptyJournal(Database& to);
// Copies every table of `from` into `to` (both at the current schema) in one transaction.
// Throws StorageError (nothing written) on any failure.
CopiedRows copyJournalRows(Database& from, Database& to);
// Compares every table of both journals row by row; empty when they hold the same rows, else an
// English sentence naming the first table and row that differ.
std::string journalDifference(Database& from, Database& to);

}  // namespace madoguchi::storage
