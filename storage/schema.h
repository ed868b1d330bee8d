#pragma once
// The journal's schema, as numbered migrations applied at start-up, one list per engine with the
// same steps (SQLite: PRAGMA user_version; PostgreSQL: the schema_version table).
#include "storage/database.h"

namespace madoguchi::storage {

int currentSchemaVersion();
// Applies every migration above the database's version, up to `target` (default: all), each in
// its own transaction. A database newer than this program is refused.
void migrate(Database& db, int target = -1);
// SQLite: WAL, synchronous=FULL, foreign keys (PostgreSQL needs nothing per connection).
void configureConnection(Database& db);

}  // namespace madoguchi::storage
