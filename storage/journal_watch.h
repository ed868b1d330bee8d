#pragma once
// Telling the manager's window that the journal's visits changed, whichever window wrote them.
// On the site server a visit's insert (and a re-tag) sends NOTIFY madoguchi_visits in its own
// transaction, so the notice arrives only once the visit is committed; JournalWatch LISTENs on a
// connection of its own and wakes at once. A short poll backs it up (a notice missed while the
// connection was re-made) and is the only way on a SQLite file: it compares what the visits and
// re-tags add up to. Reads by the watched window (audit rows of patient reads) never count, so a
// refresh does not cause the next.
#include <chrono>
#include <memory>
#include <string>

#include "storage/database.h"

namespace madoguchi::storage {

// Inside a write transaction that added or changed a visit (no-op on SQLite).
void notifyVisitsChanged(Database& db, const std::string& visitId);

class JournalWatch {
public:
    // Opens its own connection (throws StorageError like openDatabase).
    explicit JournalWatch(const std::string& location);
    ~JournalWatch();
    // Waits up to `poll` for a change since the last call (the first call only takes the mark);
    // true when the visits changed. Throws StorageError while the journal cannot be read (the
    // server unreachable); the next call re-opens the connection and listens again.
    bool waitForChange(std::chrono::milliseconds poll);

private:
    std::string mark();  // what the visits and re-tags add up to now
    bool notified(std::chrono::milliseconds wait);
    std::unique_ptr<Database> db_;
    bool listening_ = false;
    std::string lastMark_;
};

}  // namespace madoguchi::storage
