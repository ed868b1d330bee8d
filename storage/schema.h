#pragma once
// The journal's schema, as numbered migrations applied at start-up (PRAGMA user_version).
#include "storage/sqlite.h"

namespace madoguchi::storage {

int currentSchemaVersion();
// Applies every migration above the database's version, up to `target` (default: all), each in
// its own transaction. A database newer than this program is refused.
void migrate(Database& db, int target = -1);
// WAL, synchronous=FULL, foreign keys.
void configureConnection(Database& db);

}  // namespace madoguchi::storage
