#include "storage/journal_watch.h"

#include <thread>

#include "storage/open_database.h"

namespace madoguchi::storage {
namespace {

constexpr const char* kChannel = "madoguchi_visits";

}  // namespace

void notifyVisitsChanged(Database& db, const std::string& visitId) {
    if (db.engine() != Engine::Postgres) return;
    db.cached(std::string("SELECT pg_notify('") + kChannel + "', ?)").bind(1, visitId).run();
}

JournalWatch::JournalWatch(const std::string& location) : db_(openDatabase(location, true)) {}

JournalWatch::~JournalWatch() = default;

std::string JournalWatch::mark() {
    Statement counts = db_->prepare(
        "SELECT (SELECT COUNT(*) FROM visits), (SELECT COUNT(*) FROM retags), "
        "(SELECT COUNT(*) FROM eligibility_snapshots), (SELECT COUNT(*) FROM visits WHERE cancelled <> 0)");
    if (!counts.step()) return {};
    return std::to_string(counts.integer(0)) + "/" + std::to_string(counts.integer(1)) + "/" +
           std::to_string(counts.integer(2)) + "/" + std::to_string(counts.integer(3));
}

bool JournalWatch::notified(std::chrono::milliseconds wait) {
    if (!listening_) listening_ = db_->listen(kChannel);
    if (!listening_) {  // no notices on this engine: the poll alone
        std::this_thread::sleep_for(wait);
        return false;
    }
    return !db_->waitForNotices(wait).empty();
}

bool JournalWatch::waitForChange(std::chrono::milliseconds poll) {
    try {
        if (lastMark_.empty()) {
            lastMark_ = mark();
            if (db_->engine() == Engine::Postgres) notified(std::chrono::milliseconds(0));  // LISTEN now
        }
        const bool notice = notified(poll);
        std::string now = mark();
        const bool changed = notice || now != lastMark_;
        lastMark_ = std::move(now);
        return changed;
    } catch (const StorageError&) {
        listening_ = false;
        throw;
    }
}

}  // namespace madoguchi::storage
